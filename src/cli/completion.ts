// Shell completion scripts for bash, zsh, fish and PowerShell, generated from the commander
// definitions of every command: command names, options, and the values of options that have a
// fixed list of choices. Pure functions from a spec to text.
import type { Command } from 'commander';

export const SHELLS = ['bash', 'zsh', 'fish', 'powershell'] as const;
export type Shell = (typeof SHELLS)[number];

export interface OptionSpec {
  short?: string;
  long?: string;
  /** Whether the option takes a value. */
  value: boolean;
  choices?: readonly string[];
  description: string;
}

export interface CommandSpec {
  name: string;
  description: string;
  options: OptionSpec[];
  commands: CommandSpec[];
  /** The values an argument of the command may take (`completion <shell>`). */
  values: readonly string[];
}

/** The spec of a commander command and its subcommands (help and hidden options included as the user types them). */
export function specOf(cmd: Command): CommandSpec {
  const options = cmd.options
    .filter((o) => !o.hidden)
    .map((o) => ({ short: o.short, long: o.long, value: o.required || o.optional, choices: o.argChoices, description: o.description }));
  options.push({ short: '-h', long: '--help', value: false, choices: undefined, description: '' });
  const values = cmd.registeredArguments.flatMap((a) => a.argChoices ?? []);
  return { name: cmd.name(), description: cmd.description(), options, commands: cmd.commands.map(specOf), values };
}

const flags = (o: OptionSpec) => [o.short, o.long].filter((f): f is string => Boolean(f));
const words = (xs: readonly string[]) => xs.join(' ');
/** Single-quoted for sh, fish and PowerShell alike (no quote inside). */
const sq = (s: string) => `'${s.replace(/'/g, '')}'`;

/** Every command path ("", "validate", "new model") with its spec. */
function flatten(root: CommandSpec): { path: string; spec: CommandSpec }[] {
  const out: { path: string; spec: CommandSpec }[] = [];
  const visit = (spec: CommandSpec, path: string) => {
    out.push({ path, spec });
    for (const c of spec.commands) visit(c, path ? `${path} ${c.name}` : c.name);
  };
  visit(root, '');
  return out;
}

/** Each option with choices, as the pattern "command|flag" to match (any command for a global one). */
function choiceOptions(root: CommandSpec): { patterns: string[]; choices: readonly string[] }[] {
  return flatten(root).flatMap(({ path, spec }) =>
    spec.options.filter((o) => o.choices).map((o) => ({ patterns: flags(o).map((f) => `${spec === root ? '*' : path}|${f}`), choices: o.choices! })),
  );
}

/** Global options that take a value: their value is not a command name. */
const valued = (root: CommandSpec) => root.options.filter((o) => o.value).flatMap(flags);

/**
 * What follows a command: its subcommands or argument values (and `help` at the top), its
 * options, and whether files (paths) come next.
 */
const next = (root: CommandSpec, spec: CommandSpec) => ({
  subs: [...spec.commands.map((c) => c.name), ...spec.values, ...(spec === root ? ['help'] : [])],
  opts: [...new Set([...spec.options, ...(spec === root ? [] : root.options)].flatMap(flags))],
  files: spec !== root && spec.commands.length === 0 && spec.values.length === 0,
});

/**
 * The body shared by bash and zsh (zsh runs it on its own words array, with compadd): find the
 * command typed so far, complete an option's choices, else set the subcommands and options.
 */
function shLike(root: CommandSpec, shell: 'bash' | 'zsh'): string {
  const all = flatten(root);
  const offer = (list: string) => (shell === 'bash' ? `COMPREPLY=($(compgen -W "${list}" -- "$cur"))` : `compadd -- ${list}`);
  // Patterns in quotes, but a leading * outside them so that it matches any command.
  const quote = (pattern: string) => (pattern.startsWith('*') ? `*"${pattern.slice(1)}"` : `"${pattern}"`);
  const choiceCases = choiceOptions(root).map(({ patterns, choices }) => `    ${patterns.map(quote).join('|')}) ${offer(words(choices))}; return ;;`);
  const cases = all.map(({ path, spec }) => {
    const { subs, opts, files } = next(root, spec);
    return `    "${path}") subs="${words(subs)}"; opts="${words(opts)}"; files=${files ? 1 : 0} ;;`;
  });
  const subcommands = all
    .filter(({ spec }) => spec.commands.length && spec !== root)
    .map(({ path, spec }) => `          "${path}") [[ " ${words(spec.commands.map((c) => c.name))} " == *" $w "* ]] && cmd="$cmd $w" ;;`);
  const [first, count, at] = shell === 'bash' ? ['1', 'COMP_CWORD', 'COMP_WORDS'] : ['2', 'CURRENT', 'words'];
  return `  local cmd= subs= opts= files= w i
  for ((i = ${first}; i < ${count}; i++)); do
    w=\${${at}[i]}
    case $w in
      ${valued(root).join('|')}) ((i++)) ;;
      -*) ;;
      *)
        if [[ -z $cmd ]]; then cmd=$w
        else
          case $cmd in
${subcommands.join('\n')}
          esac
        fi ;;
    esac
  done
  [[ $cmd == help ]] && cmd=
  case "$cmd|$prev" in
${choiceCases.join('\n')}
  esac
  case $cmd in
${cases.join('\n')}
  esac`;
}

function bash(root: CommandSpec, name: string): string {
  return `# ${name} completion for bash: add to ~/.bashrc
#   source <(${name} completion bash)
_${name}() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]}
${shLike(root, 'bash')}
  if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "$opts" -- "$cur")); return; fi
  COMPREPLY=($(compgen -W "$subs" -- "$cur"))
  [[ $files == 1 ]] && COMPREPLY+=($(compgen -f -- "$cur"))
}
complete -o filenames -F _${name} ${name}
`;
}

function zsh(root: CommandSpec, name: string): string {
  return `#compdef ${name}
# ${name} completion for zsh: add to ~/.zshrc, after compinit
#   source <(${name} completion zsh)
_${name}() {
  local prev=\${words[CURRENT-1]}
${shLike(root, 'zsh')}
  if [[ $PREFIX == -* ]]; then compadd -- \${=opts}; return; fi
  compadd -- \${=subs}
  [[ $files == 1 ]] && _files
}
compdef _${name} ${name}
`;
}

function fish(root: CommandSpec, name: string): string {
  const lines = [
    `# ${name} completion for fish: ${name} completion fish > ~/.config/fish/completions/${name}.fish`,
    // The command typed so far, skipping the values of global options (-C dir).
    `function __${name}_command`,
    `  set -l skip 0`,
    `  for w in (commandline -opc)[2..-1]`,
    `    if test $skip = 1; set skip 0; continue; end`,
    `    switch $w`,
    `      case ${valued(root).map(sq).join(' ')}; set skip 1`,
    `      case '-*'`,
    `      case '*'; echo $w; return`,
    `    end`,
    `  end`,
    `end`,
    `function __${name}_needs_command; set -l c (__${name}_command); test -z "$c"; end`,
    `complete -c ${name} -f`,
  ];
  const opt = (o: OptionSpec, condition: string) =>
    [
      `complete -c ${name}`,
      condition ? `-n ${sq(condition)}` : '',
      o.short ? `-s ${o.short.slice(1)}` : '',
      o.long ? `-l ${o.long.slice(2)}` : '',
      o.choices ? `-x -a ${sq(words(o.choices))}` : o.value ? '-r -F' : '',
      o.description ? `-d ${sq(o.description)}` : '',
    ].filter(Boolean).join(' ');
  for (const o of root.options) lines.push(opt(o, ''));
  const top = [...root.commands.map((c) => c.name), 'help'];
  for (const c of root.commands) {
    lines.push(`complete -c ${name} -n '__${name}_needs_command' -a ${c.name} -d ${sq(c.description)}`);
    const inside = `__fish_seen_subcommand_from ${c.name}`;
    const subs = c.commands.map((x) => x.name);
    for (const s of c.commands) lines.push(`complete -c ${name} -n ${sq(`${inside}; and not __fish_seen_subcommand_from ${words(subs)}`)} -a ${s.name} -d ${sq(s.description)}`);
    if (c.values.length) lines.push(`complete -c ${name} -n ${sq(inside)} -a ${sq(words(c.values))}`);
    for (const o of c.options) lines.push(opt(o, inside));
    for (const s of c.commands) for (const o of s.options) lines.push(opt(o, `${inside}; and __fish_seen_subcommand_from ${s.name}`));
    if (!c.commands.length && !c.values.length) lines.push(`complete -c ${name} -n ${sq(inside)} -F`);
  }
  lines.push(`complete -c ${name} -n '__${name}_needs_command' -a help`);
  lines.push(`complete -c ${name} -n '__fish_seen_subcommand_from help' -a ${sq(words(top.filter((c) => c !== 'help')))}`);
  return `${lines.join('\n')}\n`;
}

function powershell(root: CommandSpec, name: string): string {
  const list = (xs: readonly string[]) => `@(${xs.map(sq).join(', ')})`;
  const entries = flatten(root).map(({ path, spec }) => {
    const { subs, opts } = next(root, spec);
    return `    ${sq(path)} = ${list([...subs, ...opts])}`;
  });
  const choices = choiceOptions(root).flatMap(({ patterns, choices: values }) => patterns.map((p) => `    ${sq(p)} = ${list(values)}`));
  const subcommands = flatten(root)
    .filter(({ spec }) => spec.commands.length && spec !== root)
    .map(({ path, spec }) => `    ${sq(path)} = ${list(spec.commands.map((c) => c.name))}`);
  return `# ${name} completion for PowerShell: add to $PROFILE
#   ${name} completion powershell | Out-String | Invoke-Expression
Register-ArgumentCompleter -Native -CommandName ${name} -ScriptBlock {
  param($wordToComplete, $commandAst, $cursorPosition)
  $words = @{
${entries.join('\n')}
  }
  $choices = @{
${choices.join('\n')}
  }
  $subcommands = @{
${subcommands.join('\n')}
  }
  $valued = ${list(valued(root))}
  $typed = @($commandAst.CommandElements | Select-Object -Skip 1 | ForEach-Object { $_.ToString() })
  if ($wordToComplete -ne '' -and $typed.Count -gt 0) { $typed = @($typed | Select-Object -First ($typed.Count - 1)) }
  $cmd = ''
  for ($i = 0; $i -lt $typed.Count; $i++) {
    $w = $typed[$i]
    if ($valued -contains $w) { $i++; continue }
    if ($w.StartsWith('-')) { continue }
    if ($cmd -eq '') { $cmd = $w } elseif ($subcommands.ContainsKey($cmd) -and $subcommands[$cmd] -contains $w) { $cmd = "$cmd $w" }
  }
  if ($cmd -eq 'help') { $cmd = '' }
  $prev = if ($typed.Count -gt 0) { $typed[-1] } else { '' }
  $candidates = if ($choices.ContainsKey("$cmd|$prev")) { $choices["$cmd|$prev"] } elseif ($choices.ContainsKey("*|$prev")) { $choices["*|$prev"] } elseif ($words.ContainsKey($cmd)) { $words[$cmd] } else { @() }
  $candidates | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object {
    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
  }
}
`;
}

export function completionScript(shell: Shell, root: CommandSpec, name = 'dvk'): string {
  return { bash, zsh, fish, powershell }[shell](root, name);
}
