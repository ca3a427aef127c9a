import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dvk, EXAMPLE, tempDir, writeFile } from '../helpers.js';

/** A git repository holding a copy of the example workspace in a subfolder, committed. */
function repo(): { top: string; ws: string; git: (...args: string[]) => string } {
  const top = tempDir('dvk-git-');
  const ws = path.join(top, 'kho');
  fs.cpSync(EXAMPLE, ws, { recursive: true });
  fs.rmSync(path.join(ws, 'out'), { recursive: true, force: true });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: top, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'test@example.org');
  git('config', 'user.name', 'Test');
  git('add', '-A');
  git('commit', '-qm', 'init');
  return { top, ws, git };
}

const edit = (file: string, from: string | RegExp, to: string) => {
  const text = fs.readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`no change in ${file}`);
  fs.writeFileSync(file, next);
};

/** The pull request of the issue: two models and one score sheet change. */
function pullRequest(ws: string): void {
  // 1. A model gets its inspection: step 3 is now complete.
  fs.appendFileSync(
    path.join(ws, 'models/2023/QS/van-dong-nghia-vu-quan-su.yaml'),
    '  inspect:\n    - { date: 2023-12-05, by: Ban Dân vận Thị ủy, findings: Mô hình triển khai đúng kế hoạch, verdict: on-track }\n',
  );
  // 2. A model's text is edited.
  edit(path.join(ws, 'models/2023/HM/phan-loai-rac-tai-nguon.yaml'), 'name: Dân vận khéo trong thu gom', 'name: Dân vận khéo trong vận động thu gom');
  // 3. The council corrects group C5 of a sheet: the model is now recognised.
  const sheet = path.join(ws, 'assessments/2023/huyen/DT-2023-ND-01.yaml');
  edit(sheet, /C5\.1: [\d.]+/g, 'C5.1: 6');
  edit(sheet, /C5\.2: [\d.]+/g, 'C5.2: 5');
}

describe('dvk diff', () => {
  it('shows what a pull request changes, and what it does to recognition (text)', async () => {
    const { ws } = repo();
    pullRequest(ws);
    const r = await dvk(['diff', 'main'], { cwd: ws });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^So với main \([0-9a-f]{7}\): 3 mô hình thay đổi\.$/m);
    expect(r.stdout).toContain('Công nhận: 16 → 17; tiêu biểu: 4 → 4.');
    expect(r.stdout).toMatch(/~ DT-2023-QS-01 .*\n {4}sửa steps\.inspect; đã đến bước: 2\. Thực hiện → 3\. Kiểm tra; hoàn thành bước 3 \(kiểm tra hoạt động\)/);
    expect(r.stdout).toMatch(/~ DT-2023-ND-01 .*\n {4}phiếu chấm cấp huyện thay đổi\n {4}Cấp huyện: 71,50 → 76,60 · Khá · ✗ → ✓/);
    expect(r.stdout).toMatch(/~ DT-2023-HM-01 .*\n {4}sửa name\n {4}Cấp huyện: 92,70 · Xuất sắc · ✓ tiêu biểu/);
  });

  it('gives a Markdown table for a pull-request comment', async () => {
    const { ws } = repo();
    pullRequest(ws);
    const r = await dvk(['diff', 'main', '--format', 'markdown'], { cwd: ws });
    expect(r.stdout).toMatch(/^### So với main/);
    expect(r.stdout).toContain('| Mã | Mô hình | Thay đổi | Cấp chấm | Điểm | Xếp loại | Công nhận |');
    expect(r.stdout).toContain('| `DT-2023-ND-01` | Hỗ trợ hội viên nông dân nghèo nuôi bò sinh sản theo phương thức quay vòng | phiếu chấm cấp huyện thay đổi | Cấp huyện | 71,50 → 76,60 | Khá | ✗ → ✓ |');
  });

  it('JSON: added, removed, renamed and changed models, numbers as numbers', async () => {
    const { ws, git } = repo();
    // Added: a new model; removed: a model and its sheet; renamed: a file moved.
    fs.copyFileSync(path.join(ws, 'models/2023/MN/thap-sang-duong-que.yaml'), path.join(ws, 'models/2023/MN/moi.yaml'));
    edit(path.join(ws, 'models/2023/MN/moi.yaml'), 'id: DT-2023-MN-01', 'id: DT-2023-MN-02');
    fs.rmSync(path.join(ws, 'models/2023/TN/tuyen-pho-van-minh.yaml'));
    fs.rmSync(path.join(ws, 'assessments/2023/huyen/DT-2023-TN-01.yaml'));
    git('mv', 'kho/models/2023/PN/me-do-dau.yaml', 'kho/models/2023/PN/nhan-do-dau.yaml');
    const r = await dvk(['diff', 'HEAD', '--format', 'json'], { cwd: ws });
    expect(r.exitCode, r.stderr).toBe(0);
    const data = JSON.parse(r.stdout) as { base: { rev: string; commit: string }; models: { id: string; status: string; from: string | null; scores: { level: string; before: { total: number } | null; after: { total: number } | null }[] }[] };
    expect(data.base.rev).toBe('HEAD');
    expect(data.base.commit).toMatch(/^[0-9a-f]{40}$/);
    const byId = new Map(data.models.map((x) => [x.id, x]));
    expect(byId.get('DT-2023-MN-02')?.status).toBe('added');
    expect(byId.get('DT-2023-TN-01')).toMatchObject({ status: 'removed', scores: [{ level: 'huyen', before: { total: 40.5 }, after: null }] });
    expect(byId.get('DT-2023-PN-02')).toMatchObject({ status: 'renamed', from: 'models/2023/PN/me-do-dau.yaml' });
    expect(byId.has('DT-2023-CA-01')).toBe(false);
  });

  it('a file renamed and edited shows both; with no revision, compares with the upstream branch, or HEAD', async () => {
    const { ws, git } = repo();
    git('mv', 'kho/models/2023/PN/me-do-dau.yaml', 'kho/models/2023/PN/nhan-do-dau.yaml');
    edit(path.join(ws, 'models/2023/PN/nhan-do-dau.yaml'), /^name: .*$/m, 'name: Dân vận khéo trong vận động nhận đỡ đầu trẻ em mồ côi');
    edit(path.join(ws, 'models/2023/PN/nhan-do-dau.yaml'), /^ {4}summary: /m, '    summary: Đã sửa. ');
    const r = await dvk(['diff'], { cwd: ws });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^So với HEAD \([0-9a-f]{7}\): 1 mô hình thay đổi\.$/m);
    expect(r.stdout).toMatch(/~ DT-2023-PN-02 .*\n {4}đổi tên từ models\/2023\/PN\/me-do-dau\.yaml; sửa name, steps\.review/);
    const json = JSON.parse((await dvk(['diff', '--format', 'json'], { cwd: ws })).stdout) as { models: { id: string; status: string; keys: string[] }[] };
    expect(json.models).toMatchObject([{ id: 'DT-2023-PN-02', status: 'renamed', keys: ['name', 'steps.review'] }]);
    // A branch that tracks another: compared with it.
    git('commit', '-qam', 'doi ten');
    git('branch', '-q', 'goc', 'HEAD~1');
    git('branch', '-q', '--set-upstream-to=goc');
    expect((await dvk(['diff'], { cwd: ws })).stdout).toMatch(/^So với goc \([0-9a-f]{7}\): 1 mô hình thay đổi\.$/m);
  });

  it('works from any folder inside the repository, and says so outside git or for an unknown revision', async () => {
    const { ws } = repo();
    const inside = await dvk(['diff', 'main'], { cwd: path.join(ws, 'models', '2023') });
    expect(inside.exitCode).toBe(0);
    expect(inside.stdout).toContain('không có mô hình nào thay đổi');
    const unknown = await dvk(['diff', 'khong-co'], { cwd: ws });
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('Không tìm thấy phiên bản git "khong-co"');
    const outside = tempDir();
    fs.cpSync(EXAMPLE, outside, { recursive: true });
    const nogit = await dvk(['diff', 'main'], { cwd: outside });
    expect(nogit.exitCode).toBe(2);
    expect(nogit.stderr).toContain('không nằm trong kho git');
  });
});

describe('dvk validate --changed', () => {
  it('reports only files changed since the base, still applying cross-file rules', async () => {
    const { ws, git } = repo();
    git('checkout', '-q', '-b', 'de-xuat');
    // An error in a file the branch does not touch…
    edit(path.join(ws, 'models/2023/CA/camera-an-ninh.yaml'), 'field: quoc-phong-an-ninh', 'field: an-ninh');
    git('commit', '-qam', 'loi cu');
    git('checkout', '-q', 'main');
    git('merge', '-q', 'de-xuat');
    git('checkout', '-q', '-b', 'pr');
    // …and in the pull request: a new sheet for a model that exists, and one for a model that does not.
    writeFile(ws, 'assessments/2023/huyen/DT-2023-MT-01.yaml', fs.readFileSync(path.join(ws, 'assessments/2023/huyen/DT-2023-HM-01.yaml'), 'utf8').replace('model: DT-2023-HM-01', 'model: DT-2023-MT-01'));
    writeFile(ws, 'assessments/2023/huyen/DT-2023-XX-01.yaml', fs.readFileSync(path.join(ws, 'assessments/2023/huyen/DT-2023-HM-01.yaml'), 'utf8').replace('model: DT-2023-HM-01', 'model: DT-2023-XX-01'));
    const r = await dvk(['validate', '--changed=main', '--format', 'json'], { cwd: ws });
    const out = JSON.parse(r.stdout) as { summary: { files: number }; diagnostics: { file: string; rule: string }[] };
    expect(out.summary.files).toBe(2);
    expect(out.diagnostics.map((d) => `${d.file} ${d.rule}`)).toEqual(['assessments/2023/huyen/DT-2023-XX-01.yaml unknown-model']);
    expect(r.exitCode).toBe(1);
    // Without --changed, the old error shows too.
    const all = await dvk(['validate', '--format', 'json'], { cwd: ws });
    expect(JSON.parse(all.stdout).diagnostics.map((d: { rule: string }) => d.rule)).toContain('schema-enum');
    // The default base is the merge base with main.
    const dflt = await dvk(['validate', '--changed', '--format', 'json'], { cwd: ws });
    expect(JSON.parse(dflt.stdout).summary.files).toBe(2);
    // --since REV is the same as --changed=REV.
    expect((await dvk(['validate', '--since', 'main', '--format', 'json'], { cwd: ws })).stdout).toBe(r.stdout);
  });

  it('a path after --changed stays a path, not a revision', async () => {
    const { ws, git } = repo();
    git('checkout', '-q', '-b', 'pr');
    writeFile(ws, 'assessments/2023/huyen/DT-2023-XX-01.yaml', fs.readFileSync(path.join(ws, 'assessments/2023/huyen/DT-2023-HM-01.yaml'), 'utf8').replace('model: DT-2023-HM-01', 'model: DT-2023-XX-01'));
    edit(path.join(ws, 'models/2023/CA/camera-an-ninh.yaml'), 'field: quoc-phong-an-ninh', 'field: an-ninh');
    const r = await dvk(['validate', '--changed', 'models/2023', '--format', 'json'], { cwd: ws });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { summary: { files: number }; diagnostics: { file: string; rule: string }[] };
    // Only the changed model under models/2023; the changed sheet lies outside the path.
    expect(out.diagnostics.map((d) => `${d.file} ${d.rule}`)).toEqual(['models/2023/CA/camera-an-ninh.yaml schema-enum']);
    expect(out.summary.files).toBe(1);
    expect((await dvk(['validate', '--changed=main', '--since', 'main'], { cwd: ws })).exitCode).toBe(2);
  });
});

describe('dvk init', () => {
  it('scaffolds a workspace that validates and scores at once, with CI, CODEOWNERS and editor settings', async () => {
    const dir = path.join(tempDir(), 'kho-moi');
    const r = await dvk(['init', dir, '--year', '2025', '--level', 'huyen']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain('Bước tiếp theo:');
    for (const f of ['dvk.config.yaml', 'criteria/vd-100-diem.yaml', 'models/2025/MAU/mau.yaml', '.gitignore', '.gitattributes', '.github/workflows/dvk.yml', '.github/CODEOWNERS', '.vscode/settings.json', '.pre-commit-config.yaml', 'schemas/model.schema.json', 'schemas/steps/review.schema.json']) {
      expect(fs.existsSync(path.join(dir, f)), f).toBe(true);
    }
    const v = await dvk(['validate', '--format', 'json'], { cwd: dir });
    expect(v.exitCode, v.stdout).toBe(0);
    // No error; a warning for each fill-in the config leaves for the committee to write.
    const report = JSON.parse(v.stdout) as { summary: object; diagnostics: { file: string; rule: string; message: string }[] };
    expect(report.summary).toMatchObject({ errors: 0, warnings: 3 });
    expect(report.diagnostics.map((d) => [d.file, d.rule, /"([^"]*)"/.exec(d.message)?.[1]])).toEqual([
      ['dvk.config.yaml', 'placeholder', '(tên xã)'],
      ['dvk.config.yaml', 'placeholder', '(địa danh)'],
      ['dvk.config.yaml', 'placeholder', '(họ và tên)'],
    ]);
    expect((await dvk(['score'], { cwd: dir })).exitCode).toBe(0);
    expect(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8')).toMatch(/^out\/$/m);
    expect(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8')).toMatch(/^\.dvk-cache\/$/m);
    expect(fs.readFileSync(path.join(dir, '.github/workflows/dvk.yml'), 'utf8')).toContain('dvk validate --format github');
    expect(fs.readFileSync(path.join(dir, '.github/CODEOWNERS'), 'utf8')).toMatch(/^\/assessments\/ /m);
    const vscode = JSON.parse(fs.readFileSync(path.join(dir, '.vscode/settings.json'), 'utf8'));
    expect(vscode['yaml.schemas']['./schemas/model.schema.json']).toContain('models/**/*.yaml');
    // Every YAML file starts with the schema line, and the path it names exists.
    for (const f of ['dvk.config.yaml', 'criteria/vd-100-diem.yaml', 'models/2025/MAU/mau.yaml']) {
      const first = fs.readFileSync(path.join(dir, f), 'utf8').split('\n')[0]!;
      const ref = /^# yaml-language-server: \$schema=(.+)$/.exec(first)?.[1];
      expect(ref, f).toBeDefined();
      expect(fs.existsSync(path.resolve(path.dirname(path.join(dir, f)), ref!)), `${f} -> ${ref}`).toBe(true);
    }
    // Every setting of the config is commented in Vietnamese.
    const config = fs.readFileSync(path.join(dir, 'dvk.config.yaml'), 'utf8');
    for (const key of ['year', 'level', 'paths', 'levels', 'issuer', 'signer', 'numbering', 'decision', 'report', 'document', 'rules']) {
      expect(config, key).toMatch(new RegExp(`^#? ?${key}:.*# `, 'm'));
    }
  });

  it('refuses to overwrite an existing workspace, writing nothing, unless --force', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'dvk.config.yaml'), 'kind: config\nversion: 1\n');
    const r = await dvk(['init', dir]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('dvk.config.yaml');
    expect(r.stderr).toContain('--force');
    expect(fs.readdirSync(dir)).toEqual(['dvk.config.yaml']);
    expect(fs.readFileSync(path.join(dir, 'dvk.config.yaml'), 'utf8')).toBe('kind: config\nversion: 1\n');
    const forced = await dvk(['init', dir, '--force']);
    expect(forced.exitCode).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'dvk.config.yaml'), 'utf8')).toContain('issuer:');
  });
});

describe('dvk schema --all --out', () => {
  it('writes every schema as files whose references resolve', async () => {
    const dir = path.join(tempDir(), 'schemas');
    const r = await dvk(['schema', '--all', '--out', dir]);
    expect(r.exitCode).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual(['assessment.schema.json', 'common.schema.json', 'config.schema.json', 'criteria.schema.json', 'model.schema.json', 'steps']);
    expect(fs.readdirSync(path.join(dir, 'steps')).sort()).toEqual(['implement.schema.json', 'inspect.schema.json', 'register.schema.json', 'review.schema.json']);
    const model = JSON.parse(fs.readFileSync(path.join(dir, 'model.schema.json'), 'utf8'));
    expect(model.properties.steps.properties.register.$ref).toBe('steps/register.schema.json#/$defs/draft');
    expect((await dvk(['schema', '--all'])).exitCode).toBe(2);
  });
});
