// `dvk import`, the pure part: header matching, lists, forces, money, workdays, dates, field and
// type, and whole rows to models (src/core/import.ts).
import { describe, expect, it } from 'vitest';
import {
  cleanText,
  detectDelimiter,
  findHeaderRow,
  findMoney,
  findPeriod,
  findWorkdays,
  fundsOf,
  knownUnits,
  HEADER_SYNONYMS,
  IMPORT_KEYS,
  mapKey,
  matchField,
  matchHeaders,
  matchLevel,
  matchType,
  normalizeHeader,
  oneLine,
  parseDate,
  parseForces,
  parseMap,
  parseNumber,
  parseResources,
  readDate,
  readFunds,
  readWorkdays,
  roleOf,
  rowToModel,
  splitList,
  type ImportKey,
  type ImportRow,
  type RowContext,
} from '../../src/core/import.js';
import { firstInvalidUtf8 } from '../../src/core/load.js';
import { DEFAULT_LEVELS } from '../../src/core/config.js';
import { messages } from '../../src/i18n/index.js';

const keysOf = (headers: string[], map?: Map<string, ImportKey | null>) => {
  const { columns } = matchHeaders(headers, map);
  return headers.map((_, i) => columns.get(i));
};
const money = (text: string) => fundsOf(findMoney(text));

describe('header matching', () => {
  it('ignores case, diacritics, punctuation, spacing, numbering and "(*)"', () => {
    const forms = ['TÊN MÔ HÌNH', 'ten mo hinh', '  Tên   mô\nhình ', '1. Tên mô hình', 'Tên mô hình (*)', 'II. Tên mô hình:', 'Tên mô hình*'];
    for (const h of forms) expect(keysOf([h]), h).toEqual(['name']);
    expect(normalizeHeader('Thực trạng, lý do')).toBe('thuctranglydo');
    expect(normalizeHeader('Đơn vị đăng ký')).toBe('donvidangky');
    // Decomposed (NFD) headers, as some Mac exports write them, match too.
    expect(keysOf(['Lĩnh vực'.normalize('NFD')])).toEqual(['field']);
  });

  it('knows the synonyms of every field of the registration form', () => {
    const expected: [string, ImportKey][] = [
      ['Tên mô hình', 'name'], ['Tên mô hình, điển hình', 'name'],
      ['Thực trạng, lý do', 'problem'], ['Lý do', 'problem'],
      ['Mục tiêu, tiêu chí', 'goals'],
      ['Nội dung, cách thức', 'content'], ['Nội dung, phương pháp', 'content'],
      ['Địa bàn, đối tượng', 'area'],
      ['Lực lượng tham gia', 'forces'], ['Lực lượng', 'forces'],
      ['Nguồn lực, tiến độ', 'resources'], ['Nguồn lực và thời gian', 'resources'],
      ['Sản phẩm đầu ra', 'outputs'], ['Sản phẩm', 'outputs'],
      ['Khả năng duy trì, nhân rộng', 'sustainability'],
      ['Đơn vị đăng ký', 'unit'], ['Đơn vị', 'unit'],
      ['Mã đơn vị', 'unit_code'], ['Lĩnh vực', 'field'], ['Loại', 'type'], ['Ngày đăng ký', 'date'],
      ['Dấu thời gian', 'date'], ['Thời gian thực hiện', 'time'], ['Kinh phí', 'funds'], ['Ngày công', 'workdays'], ['Cấp', 'level'],
    ];
    for (const [header, key] of expected) expect(keysOf([header]), header).toEqual([key]);
    for (const key of IMPORT_KEYS) for (const s of HEADER_SYNONYMS[key]) expect(keysOf([s]), s).toEqual([key]);
  });

  it('accepts words after a long synonym, but not after a short one', () => {
    expect(keysOf(['Tên mô hình đăng ký năm 2023'])).toEqual(['name']);
    expect(keysOf(['Thực trạng, lý do xây dựng mô hình'])).toEqual(['problem']);
    expect(keysOf(['Nguồn lực (kinh phí, ngày công, cơ sở vật chất)'])).toEqual(['resources']);
    // "Đơn vị" is too short to extend: "Đơn vị phối hợp" is not the registering unit.
    expect(keysOf(['Đơn vị phối hợp'])).toEqual([undefined]);
  });

  it('lists unmatched headers, skips row-number columns and empty headers', () => {
    const m = matchHeaders(['STT', 'Tên mô hình', 'Địa chỉ email', '', 'Đơn vị']);
    expect([...m.columns]).toEqual([[1, 'name'], [4, 'unit']]);
    expect(m.unmatched).toEqual(['Địa chỉ email']);
  });

  it('gives a key to the best of two columns and lists the other', () => {
    // "Ngày đăng ký" beats the form's timestamp whatever the order.
    const m = matchHeaders(['Dấu thời gian', 'Tên mô hình', 'Ngày đăng ký']);
    expect(m.columns.get(2)).toBe('date');
    expect(m.columns.has(0)).toBe(false);
    expect(m.unmatched).toEqual(['Dấu thời gian']);
    // Equal matches: the leftmost.
    const twice = matchHeaders(['Lý do', 'Lý do']);
    expect([...twice.columns]).toEqual([[0, 'problem']]);
  });

  it('--map assigns any header, overrides synonyms and can ignore a column', () => {
    const parsed = parseMap(['Tên sáng kiến=name', 'Lý do=ignore', 'Cơ quan đề xuất = unit-code']);
    expect('map' in parsed).toBe(true);
    const map = (parsed as { map: Map<string, ImportKey | null> }).map;
    expect(keysOf(['TÊN SÁNG KIẾN', 'Lý do', 'Cơ quan đề xuất'], map)).toEqual(['name', undefined, 'unit_code']);
    const m = matchHeaders(['Tên sáng kiến'], map);
    expect(m.unknownMapped.sort()).toEqual(['coquandexuat', 'lydo']);
    expect(m.unmatched).toEqual([]);
  });

  it('parses --map values and reports bad ones', () => {
    expect(parseMap(['abc'])).toEqual({ error: 'syntax', value: 'abc' });
    expect(parseMap(['=name'])).toEqual({ error: 'syntax', value: '=name' });
    expect(parseMap(['Tên=tên'])).toEqual({ error: 'key', value: 'tên' });
    // The last "=" separates: a header may hold one.
    const ok = parseMap(['Điểm = A=outputs']);
    expect('map' in ok && [...ok.map]).toEqual([['diema', 'outputs']]);
    expect(mapKey('Unit.Code')).toBe('unit_code');
    expect(mapKey('-')).toBeNull();
    expect(mapKey('x')).toBeUndefined();
  });

  it('finds the header row below a title row', () => {
    const rows = [['DANH SÁCH ĐĂNG KÝ MÔ HÌNH NĂM 2023', 'DANH SÁCH ĐĂNG KÝ MÔ HÌNH NĂM 2023'], ['', ''], ['Tên mô hình', 'Đơn vị'], ['A', 'B']];
    expect(findHeaderRow(rows)).toBe(2);
    expect(findHeaderRow([['', ''], ['x', 'y'], ['1', '2']])).toBe(1);
    expect(findHeaderRow([])).toBe(-1);
  });
});

describe('header matching: more of what spreadsheets hold', () => {
  it('drops numbering of one or two digits, roman numerals and letters', () => {
    expect(keysOf(['a) Tên mô hình', '12. Lý do', 'iv/ Lĩnh vực'])).toEqual(['name', 'problem', 'field']);
  });

  it('reads words after a long synonym, inside or after parentheses too, and prefers the longest synonym', () => {
    expect(keysOf(['(1) Tên mô hình của đơn vị'])).toEqual(['name']);
    expect(keysOf(['Lực lượng xã hội'])).toEqual(['forces']);
    // "Thời gian" (time) starts both; the longer "Thời gian đăng ký" (date) and "Thời gian bắt đầu" (start) win.
    expect(keysOf(['Thời gian đăng ký mô hình'])).toEqual(['date']);
    expect(keysOf(['Thời gian bắt đầu thực hiện'])).toEqual(['start']);
  });

  it('gives --map the column over a synonym, and lists columns in sheet order', () => {
    const parsed = parseMap(['Tên sáng kiến=name', 'Lý do = -', 'Ghi chép = skip']);
    const map = (parsed as { map: Map<string, ImportKey | null> }).map;
    expect([...map]).toEqual([['tensangkien', 'name'], ['lydo', null], ['ghichep', null]]);
    expect([...matchHeaders(['Tên mô hình', 'Tên sáng kiến'], map).columns]).toEqual([[1, 'name']]);
    expect(parseMap(['Tên = tên '])).toEqual({ error: 'key', value: 'tên' });
    expect(mapKey('skip')).toBeNull();
    expect([...matchHeaders(['Lý do', 'Tên mô hình']).columns]).toEqual([[0, 'problem'], [1, 'name']]);
    expect(matchHeaders([' Địa chỉ ', 'Lý do ', ' Lý do']).unmatched).toEqual(['Địa chỉ', 'Lý do']);
  });

  it('looks for the header in the first ten rows with text, else takes the first row with text', () => {
    expect(findHeaderRow([...Array.from({ length: 10 }, () => ['Tiêu đề']), ['Tên mô hình', 'Đơn vị']])).toBe(0);
    expect(findHeaderRow([[' ', ''], ['x', 'y'], ['1', '2']])).toBe(1);
    expect(findHeaderRow([['', 'x'], ['a', 'b']])).toBe(0);
    expect(findHeaderRow([['x', 'y'], ['1', '2']])).toBe(0);
  });
});

describe('lists', () => {
  it('splits on new lines, bullets and semicolons', () => {
    expect(splitList('- Mục tiêu một\n- Mục tiêu hai\n\n- Mục tiêu ba')).toEqual(['Mục tiêu một', 'Mục tiêu hai', 'Mục tiêu ba']);
    expect(splitList('• Quy ước • 120 cây xanh • Sổ theo dõi')).toEqual(['Quy ước', '120 cây xanh', 'Sổ theo dõi']);
    expect(splitList('Giảm 50% số vụ; Không có khiếu kiện;')).toEqual(['Giảm 50% số vụ', 'Không có khiếu kiện']);
    expect(splitList('+ Một\n+ Hai')).toEqual(['Một', 'Hai']);
    expect(splitList('1. Một\n2) Hai\na) Ba')).toEqual(['Một', 'Hai', 'Ba']);
  });

  it('splits a flattened dash list but keeps hyphenated phrases', () => {
    expect(splitList('- 80% người được khám - Lập hồ sơ 100% người mắc bệnh')).toEqual(['80% người được khám', 'Lập hồ sơ 100% người mắc bệnh']);
    expect(splitList('Xây dựng tuyến phố sáng - xanh - sạch - đẹp')).toEqual(['Xây dựng tuyến phố sáng - xanh - sạch - đẹp']);
    expect(splitList('Lĩnh vực văn hóa - xã hội')).toEqual(['Lĩnh vực văn hóa - xã hội']);
    // Numbers are not numbering: "1.200 hộ" stays whole.
    expect(splitList('1.200 hộ ký cam kết.')).toEqual(['1.200 hộ ký cam kết']);
  });

  it('drops empty items and trailing punctuation, and writes NFC', () => {
    expect(splitList(' ; - ;\n•  ')).toEqual([]);
    expect(splitList('Mục tiêu'.normalize('NFD'))).toEqual(['Mục tiêu']);
  });
});

describe('lists and forces: more of what cells hold', () => {
  it('splits on + bullets before a capital, strips trailing punctuation, reads a lone carriage return as a line break', () => {
    expect(splitList('+ Giảm rác  +  Tăng thu gom')).toEqual(['Giảm rác', 'Tăng thu gom']);
    expect(splitList('+ Văn hóa + xã hội')).toEqual(['Văn hóa + xã hội']);
    expect(splitList('– Giảm rác – Tăng thu gom')).toEqual(['Giảm rác', 'Tăng thu gom']);
    expect(splitList('- Một...\n- Hai;')).toEqual(['Một', 'Hai']);
    expect(cleanText('a\rb')).toBe('a\nb');
  });

  it('reads roles loosely but not in long text, and names forces without stray punctuation', () => {
    expect(roleOf('  Chủ trì.  ')).toBe('chủ trì');
    expect(roleOf('Lực lượng phối hợp')).toBe('phối hợp');
    expect(roleOf('phối hợp với các đoàn thể và nhân dân trên toàn địa bàn xã')).toBeUndefined();
    expect(parseForces('Phối hợp: Hội Nông dân , Hội CCB.,, Đoàn TN;')).toEqual([
      { name: 'Hội Nông dân', role: 'phối hợp' }, { name: 'Hội CCB', role: 'phối hợp' }, { name: 'Đoàn TN', role: 'phối hợp' },
    ]);
    expect(parseForces('Hội LHPN phường  (chủ trì)')).toEqual([{ name: 'Hội LHPN phường', role: 'chủ trì' }]);
    expect(parseForces('Đoàn Thanh niên  -  phối hợp')).toEqual([{ name: 'Đoàn Thanh niên', role: 'phối hợp' }]);
  });
});

describe('numbers and money: more forms', () => {
  it('reads a number whole or not at all', () => {
    const cases: [string, number | undefined, number | undefined][] = [
      [' 50.000 ', 50_000, 50_000], ['1 000 000 x', undefined, undefined], ['x 1.000', undefined, undefined], ['1.000,5', 1000.5, 1000.5],
      ['1.000.000,25', 1_000_000.25, 1_000_000.25], ['1,000,000.25', 1_000_000.25, 1_000_000.25], ['1,000,000.2x', undefined, undefined],
      ['12,5', 12.5, 12.5], ['1,25', 1.25, 1.25], ['12,500', 12_500, undefined],
    ];
    for (const [text, plain, withMultiplier] of cases) {
      expect(parseNumber(text), text).toBe(plain);
      expect(parseNumber(text, true), text).toBe(withMultiplier);
    }
  });

  it('takes a labelled amount without a currency only from 1,000 đồng', () => {
    const values = (text: string) => findMoney(text).map((a) => a.value);
    expect(values('Kinh phí: 500')).toEqual([]);
    expect(values('Kinh phí: 1.000')).toEqual([1000]);
    expect(values('500 đồng')).toEqual([500]);
    expect(values('2 triệu')).toEqual([2_000_000]);
  });
});

describe('forces', () => {
  it('reads the role from "(chủ trì)", "- phối hợp" or ": tham gia"', () => {
    expect(parseForces('Ủy ban MTTQ phường (chủ trì)\nHội Liên hiệp Phụ nữ phường - phối hợp\nĐoàn Thanh niên: tham gia\nChi hội Cựu chiến binh')).toEqual([
      { name: 'Ủy ban MTTQ phường', role: 'chủ trì' },
      { name: 'Hội Liên hiệp Phụ nữ phường', role: 'phối hợp' },
      { name: 'Đoàn Thanh niên', role: 'tham gia' },
      { name: 'Chi hội Cựu chiến binh' },
    ]);
  });

  it('reads a list after a role, where commas separate the forces', () => {
    expect(parseForces('Chủ trì: Hội Nông dân phường\nPhối hợp: Hợp tác xã Hòa Mạc, Công ty Nông sản Hà Nam')).toEqual([
      { name: 'Hội Nông dân phường', role: 'chủ trì' },
      { name: 'Hợp tác xã Hòa Mạc', role: 'phối hợp' },
      { name: 'Công ty Nông sản Hà Nam', role: 'phối hợp' },
    ]);
  });

  it('keeps commas, hyphens and parentheses that are not roles in the name', () => {
    expect(parseForces('Chi hội Phụ nữ, Chi hội Cựu chiến binh tổ dân phố số 3')).toEqual([{ name: 'Chi hội Phụ nữ, Chi hội Cựu chiến binh tổ dân phố số 3' }]);
    expect(parseForces('Ban Chỉ huy Quân sự - Công an phường')).toEqual([{ name: 'Ban Chỉ huy Quân sự - Công an phường' }]);
    expect(parseForces('Hội Liên hiệp Phụ nữ (Hội LHPN) phường')).toEqual([{ name: 'Hội Liên hiệp Phụ nữ (Hội LHPN) phường' }]);
    expect(parseForces('Hội Chữ thập đỏ (CTĐ)')).toEqual([{ name: 'Hội Chữ thập đỏ (CTĐ)' }]);
  });

  it('recognises roles loosely', () => {
    expect(roleOf('Chủ trì')).toBe('chủ trì');
    expect(roleOf('chu tri')).toBe('chủ trì');
    expect(roleOf('Lực lượng phối hợp')).toBe('phối hợp');
    expect(roleOf('phối hợp thực hiện')).toBe('phối hợp thực hiện');
    expect(roleOf('Hội Phụ nữ')).toBeUndefined();
  });
});

describe('money', () => {
  it('reads Vietnamese numbers', () => {
    expect(parseNumber('50.000.000')).toBe(50_000_000);
    expect(parseNumber('50,000,000')).toBe(50_000_000);
    expect(parseNumber('50 000 000')).toBe(50_000_000);
    expect(parseNumber('1,5')).toBe(1.5);
    expect(parseNumber('1.5')).toBe(1.5);
    expect(parseNumber('1.200,5')).toBe(1200.5);
    expect(parseNumber('50,000')).toBe(50_000);
    expect(parseNumber('2,500', true)).toBeUndefined();
    expect(parseNumber('abc')).toBeUndefined();
  });

  it('reads amounts with a unit, a multiplier or a "Kinh phí" label', () => {
    expect(money('50 triệu đồng')).toEqual({ funds_vnd: 50_000_000 });
    expect(money('Kinh phí 50.000.000 đ')).toEqual({ funds_vnd: 50_000_000 });
    expect(money('50.000.000đ')).toEqual({ funds_vnd: 50_000_000 });
    expect(money('50,000,000 VNĐ')).toEqual({ funds_vnd: 50_000_000 });
    expect(money('1,5 tỷ đồng')).toEqual({ funds_vnd: 1_500_000_000 });
    expect(money('1.500 triệu')).toEqual({ funds_vnd: 1_500_000_000 });
    expect(money('Kinh phí: 50.000.000')).toEqual({ funds_vnd: 50_000_000 });
    expect(money('500k mỗi hộ')).toEqual({ funds_vnd: 500_000 });
    expect(money('15tr')).toEqual({ funds_vnd: 15_000_000 });
  });

  it('does not take areas, workdays, dates or other numbers for money', () => {
    expect(findMoney('hiến 1.200 m² đất')).toEqual([]);
    expect(findMoney('200 ngày công')).toEqual([]);
    expect(findMoney('từ 01/4/2023 đến 30/11/2023')).toEqual([]);
    expect(findMoney('5 km đường, 24 mắt camera, 50 trường hợp')).toEqual([]);
    expect(findMoney('2,500 triệu đồng')).toEqual([]);
    expect(findMoney('năm 2023 200 triệu đồng').map((a) => a.value)).toEqual([200_000_000]);
  });

  it('tells the total and the socialised part apart', () => {
    expect(money('Tổng kinh phí 50 triệu đồng, trong đó xã hội hóa 30 triệu đồng')).toEqual({ funds_vnd: 50_000_000, socialized_vnd: 30_000_000 });
    expect(money('Kinh phí dự kiến 120 triệu đồng (xã hội hóa 80 triệu đồng)')).toEqual({ funds_vnd: 120_000_000, socialized_vnd: 80_000_000 });
    expect(money('Ngân sách 40 triệu đồng, xã hội hóa 160 triệu đồng')).toEqual({ funds_vnd: 200_000_000, socialized_vnd: 160_000_000 });
    expect(money('Tổng kinh phí 1,2 tỷ đồng (nhân dân đóng góp 900 triệu đồng)')).toEqual({ funds_vnd: 1_200_000_000, socialized_vnd: 900_000_000 });
    expect(money('Xã hội hóa 60 triệu đồng')).toEqual({ socialized_vnd: 60_000_000 });
    expect(money('Tổng 100 triệu đồng; ngân sách 20 triệu đồng; xã hội hóa 80 triệu đồng')).toEqual({ funds_vnd: 100_000_000, socialized_vnd: 80_000_000 });
  });

  it('leaves several unlabelled amounts alone', () => {
    expect(money('Mua loa 5 triệu đồng, sơn 10 triệu đồng')).toEqual({});
  });
});

describe('workdays', () => {
  it('reads "N ngày công" and "Ngày công: N"', () => {
    expect(findWorkdays('200 ngày công').map((w) => w.value)).toEqual([200]);
    expect(findWorkdays('huy động 1.500 ngày công lao động').map((w) => w.value)).toEqual([1500]);
    expect(findWorkdays('Ngày công: 350').map((w) => w.value)).toEqual([350]);
    expect(findWorkdays('200 ngày làm việc')).toEqual([]);
  });

  it('keeps one figure only', () => {
    expect(parseResources('200 ngày công; 200 ngày công').workdays).toBe(200);
    expect(parseResources('200 ngày công của hội viên và 50 ngày công của cán bộ').workdays).toBeUndefined();
  });
});

describe('dates', () => {
  it('reads a date cell', () => {
    expect(parseDate('15/3/2023')).toBe('2023-03-15');
    expect(parseDate('15-03-2023')).toBe('2023-03-15');
    expect(parseDate('15.03.2023')).toBe('2023-03-15');
    expect(parseDate('2023-03-15')).toBe('2023-03-15');
    expect(parseDate('ngày 15 tháng 3 năm 2023')).toBe('2023-03-15');
    expect(parseDate('15/03/2023 09:12:44')).toBe('2023-03-15');
    expect(parseDate('2023-03-15T10:00:00Z')).toBe('2023-03-15');
    expect(parseDate('31/4/2023')).toBeNull();
    expect(parseDate('29/02/2023')).toBeNull();
    expect(parseDate('29/02/2024')).toBe('2024-02-29');
    expect(parseDate('3/15/2023')).toBeNull();
    expect(parseDate('tháng 3')).toBeNull();
    expect(parseDate('  ')).toBeUndefined();
  });

  it('reads a period from a timeline', () => {
    const p = (s: string) => {
      const { start, end } = findPeriod(s);
      return [start, end];
    };
    expect(p('từ 01/4/2023 đến 30/11/2023')).toEqual(['2023-04-01', '2023-11-30']);
    expect(p('01/04/2023 - 30/11/2023')).toEqual(['2023-04-01', '2023-11-30']);
    expect(p('1/5/2023–31/12/2023')).toEqual(['2023-05-01', '2023-12-31']);
    expect(p('tháng 4/2023 - tháng 11/2023')).toEqual(['2023-04-01', '2023-11-30']);
    expect(p('Thời gian: Tháng 5/2023 - tháng 12/2023')).toEqual(['2023-05-01', '2023-12-31']);
    expect(p('từ tháng 2 đến tháng 11/2023')).toEqual(['2023-02-01', '2023-11-30']);
    expect(p('từ tháng 11/2023 đến tháng 2/2024')).toEqual(['2023-11-01', '2024-02-29']);
    expect(p('từ tháng 11 đến tháng 3/2024')).toEqual(['2023-11-01', '2024-03-31']);
    expect(p('từ 01/4 đến 30/11/2023')).toEqual(['2023-04-01', '2023-11-30']);
    expect(p('từ ngày 1 tháng 4 năm 2023 đến ngày 30 tháng 11 năm 2023')).toEqual(['2023-04-01', '2023-11-30']);
    expect(p('bắt đầu 15/4/2023; tổng kết 30/11/2023')).toEqual(['2023-04-15', '2023-11-30']);
    expect(p('Triển khai 4/2023 - 6/2023; duy trì 7/2023 - 11/2023')).toEqual(['2023-04-01', '2023-11-30']);
  });

  it('leaves what is not clearly a period', () => {
    const none = (s: string) => {
      const { start, end } = findPeriod(s);
      return start === undefined && end === undefined;
    };
    expect(none('thực hiện cả năm 2023')).toBe(true);
    expect(none('họp ngày 15/3/2023')).toBe(true);
    expect(none('tháng 4 - tháng 11')).toBe(true);
    expect(none('50 triệu đồng')).toBe(true);
  });

  it('reports dates that do not exist', () => {
    expect(findPeriod('từ 01/4/2023 đến 31/4/2023').invalid).toEqual(['31/4/2023']);
    expect(findPeriod('từ 31/4 đến 30/11/2023').invalid).toEqual(['31/4']);
    expect(findPeriod('từ 01/4/2023 đến 30/11/2023').invalid).toEqual([]);
  });

  it('marks a start that names a month only', () => {
    expect(findPeriod('tháng 3/2023 - tháng 9/2023').startIsMonth).toBe(true);
    expect(findPeriod('01/3/2023 - 30/9/2023').startIsMonth).toBe(false);
  });
});

describe('resources text', () => {
  it('reads funds, workdays and the period, and drops a text that said nothing else', () => {
    expect(parseResources('Kinh phí dự kiến 120 triệu đồng, trong đó xã hội hóa 80 triệu đồng; 350 ngày công; thời gian từ 01/4/2023 đến 30/11/2023.')).toEqual({
      funds_vnd: 120_000_000,
      socialized_vnd: 80_000_000,
      workdays: 350,
      start: '2023-04-01',
      end: '2023-11-30',
      startIsMonth: false,
      invalid: [],
    });
  });

  it('keeps the text in facilities when it says more than the figures', () => {
    const r = parseResources('Vốn quay vòng 50.000.000 đ từ quỹ hội; giống gà, thức ăn chăn nuôi do hội viên đối ứng');
    expect(r.funds_vnd).toBe(50_000_000);
    expect(r.facilities).toBe('Vốn quay vòng 50.000.000 đ từ quỹ hội; giống gà, thức ăn chăn nuôi do hội viên đối ứng');
    expect(parseResources('Hệ thống loa truyền thanh, nhà văn hóa tổ dân phố').facilities).toBe('Hệ thống loa truyền thanh, nhà văn hóa tổ dân phố');
    expect(parseResources('')).toEqual({ invalid: [] });
  });
});

describe('dates, periods, funds and separators: the edges (mutation testing)', () => {
  it('reads a date cell only when the whole cell is the date, with spaces and times where people put them', () => {
    for (const s of ['x2023-03-15', '2023-03-15x', 'ngày 2023-03-15', 'a15/3/2023', '15/3/2023 b', '115/3/2023', 'x ngày 15 tháng 3 năm 2023', '15 tháng 3 năm 2023 x', '15 tháng 3 năm 20234']) {
      expect(parseDate(s), s).toBeNull();
    }
    expect(parseDate('15 / 3 / 2023')).toBe('2023-03-15');
    expect(parseDate('15 /3/ 2023')).toBe('2023-03-15');
    expect(parseDate('15 tháng 3 năm 2023')).toBe('2023-03-15');
    expect(parseDate('ngày15tháng3năm2023')).toBe('2023-03-15');
    expect(parseDate('ngày   15   tháng   12   năm   2023')).toBe('2023-12-15');
    expect(parseDate('15 tháng 12 / 2023')).toBe('2023-12-15');
    expect(parseDate('15 tháng 3-2023')).toBe('2023-03-15');
    // The times that online forms and spreadsheets add.
    expect(parseDate('15/03/2023   9:05')).toBe('2023-03-15');
    expect(parseDate('15/03/2023 10:22:31.125')).toBe('2023-03-15');
    expect(parseDate('15/03/2023 10:22 SA')).toBe('2023-03-15');
    expect(parseDate('15/03/2023 10:22CH')).toBe('2023-03-15');
    expect(parseDate('15/03/2023 10:22:31 pm')).toBe('2023-03-15');
    expect(parseDate('2023-03-15t10:00')).toBe('2023-03-15');
    expect(parseDate('15/03/2023 10:2')).toBeNull();
    expect(parseDate('15/03/2023 10:22:31.')).toBeNull();
    expect(parseDate('15/03/2023 10:22:31.x')).toBeNull();
    expect(parseDate('15/03/2023 10:22 xx')).toBeNull();
    expect(parseDate('2023-03-15t1:00')).toBeNull();
  });

  it('reads a range only across a joining word, and the year from the other end', () => {
    const p = (s: string) => {
      const { start, end, invalid } = findPeriod(s);
      return [start, end, invalid];
    };
    expect(p('01/4/2023 và 30/11/2023')).toEqual([undefined, undefined, []]);
    expect(p('01/4/2023 ~ 30/11/2023')).toEqual(['2023-04-01', '2023-11-30', []]);
    // Month 12 and month 1 are months; 13 and 0 are not.
    expect(p('tháng 12/2023 - tháng 1/2024')).toEqual(['2023-12-01', '2024-01-31', []]);
    expect(p('tháng 1/2023 - tháng 12/2023')).toEqual(['2023-01-01', '2023-12-31', []]);
    expect(p('tháng 13/2023 - tháng 12/2023')).toEqual([undefined, undefined, ['tháng 13/2023']]);
    expect(p('tháng 0/2023 - tháng 12/2023')).toEqual([undefined, undefined, ['tháng 0/2023']]);
    // The year of an end without one: the start's, or the next when its month comes earlier.
    expect(p('từ 01/11/2023 đến 31/3')).toEqual(['2023-11-01', '2024-03-31', []]);
    expect(p('từ 01/3/2023 đến 30/11')).toEqual(['2023-03-01', '2023-11-30', []]);
    expect(p('từ 01/3/2023 đến 31/3')).toEqual(['2023-03-01', '2023-03-31', []]);
    expect(p('từ 01/3 đến 15/3/2023')).toEqual(['2023-03-01', '2023-03-15', []]);
    // The range fails on its end; the labelled start still stands.
    expect(p('từ 01/3/2023 đến 31/4')).toEqual(['2023-03-01', undefined, ['31/4']]);
    expect(p('từ 01/3 đến 31/3')).toEqual([undefined, undefined, []]);
    // Two ranges: the earliest start and the latest end, however they are written.
    expect(p('6/2023 - 7/2023; 01/3/2023 - 15/3/2023')).toEqual(['2023-03-01', '2023-07-31', []]);
    expect(findPeriod('6/2023 - 7/2023; 01/3/2023 - 15/3/2023').startIsMonth).toBe(false);
    expect(findPeriod('tháng 3/2023 - 15/3/2023').startIsMonth).toBe(true);
  });

  it('reads labelled dates only when no range was read, and says where every date read stood', () => {
    const text = 'Bắt đầu: 15/4/2023, kết thúc vào ngày 30/11/2023';
    const period = findPeriod(text);
    expect([period.start, period.end]).toEqual(['2023-04-15', '2023-11-30']);
    expect(period.spans.map(([s, e]) => text.slice(s, e))).toEqual(['15/4/2023', 'ngày 30/11/2023']);
    expect(findPeriod('khởi động tháng 4/2023').startIsMonth).toBe(true);
    expect(findPeriod('khởi động tháng 4/2023')).toMatchObject({ start: '2023-04-01', end: undefined });
    expect(findPeriod('hoàn thành tháng 11/2023')).toMatchObject({ start: undefined, end: '2023-11-30' });
    expect(findPeriod('bắt đầu 31/4/2023')).toMatchObject({ start: undefined, invalid: ['31/4/2023'] });
    expect(findPeriod('kết thúc 31/4/2023')).toMatchObject({ end: undefined, invalid: ['31/4/2023'] });
    // A range is read; the labelled date beside it is not.
    expect(findPeriod('từ 01/4/2023 đến 30/6/2023, tổng kết 30/11/2023')).toMatchObject({ start: '2023-04-01', end: '2023-06-30' });
    const range = 'từ 01/4/2023 đến 30/6/2023';
    expect(findPeriod(range).spans.map(([s, e]) => range.slice(s, e))).toEqual(['01/4/2023 đến 30/6/2023']);
    // A date far before its label is not labelled.
    expect(findPeriod(`bắt đầu ${'x'.repeat(40)} 15/4/2023`).start).toBeUndefined();
  });

  it('adds a budget part to the socialised part, and never gives funds below the socialised part', () => {
    const money = (value: number, context: string) => ({ value, start: 0, end: 0, context });
    expect(fundsOf([money(20, 'ngan-sach'), money(30, 'xa-hoi-hoa')])).toEqual({ funds_vnd: 50, socialized_vnd: 30 });
    expect(fundsOf([money(50, 'kinh-phi-cap'), money(30, 'xa-hoi-hoa')])).toEqual({ funds_vnd: 80, socialized_vnd: 30 });
    // A smaller plain amount is the other part; a larger one is the whole; an equal one too.
    expect(fundsOf([money(20, ''), money(30, 'dong-gop')])).toEqual({ funds_vnd: 50, socialized_vnd: 30 });
    expect(fundsOf([money(80, ''), money(30, 'dong-gop')])).toEqual({ funds_vnd: 80, socialized_vnd: 30 });
    expect(fundsOf([money(30, ''), money(30, 'tai-tro')])).toEqual({ funds_vnd: 30, socialized_vnd: 30 });
    expect(fundsOf([money(80, '')])).toEqual({ funds_vnd: 80 });
    // A total below the socialised part is not taken.
    expect(fundsOf([money(20, 'tong'), money(10, 'khac'), money(30, 'xa-hoi-hoa')])).toEqual({ socialized_vnd: 30 });
    expect(fundsOf([money(30, 'tong'), money(10, 'khac'), money(30, 'xa-hoi-hoa')])).toEqual({ funds_vnd: 30, socialized_vnd: 30 });
    expect(fundsOf([])).toEqual({});
  });

  it('reads workdays as whole numbers only, at their place', () => {
    expect(findWorkdays('khoảng 200 ngày công')).toEqual([{ value: 200, start: 7, end: 20 }]);
    expect(findWorkdays('Ngày công: 150')).toEqual([{ value: 150, start: 0, end: 14 }]);
    expect(findWorkdays('2,5 ngày công')).toEqual([]);
  });

  it('keeps the resources text unless the figures were all it said', () => {
    expect(parseResources('50 triệu đồng').facilities).toBeUndefined();
    expect(parseResources('200 ngày công').facilities).toBeUndefined();
    expect(parseResources('từ 01/4/2023 đến 30/11/2023').facilities).toBeUndefined();
    expect(parseResources('tổng kết 30/11/2023').facilities).toBeUndefined();
    expect(parseResources('bắt đầu 01/4/2023').facilities).toBeUndefined();
    expect(parseResources('xã hội hóa 30 triệu đồng').facilities).toBeUndefined();
    // One word left over is filler; two are worth keeping, wherever the figures stood.
    expect(parseResources('50 triệu đồng loa').facilities).toBeUndefined();
    expect(parseResources('loa đài 50 triệu đồng').facilities).toBe('loa đài 50 triệu đồng');
    expect(parseResources('loa 50 triệu đồng, đài 200 ngày công').facilities).toBe('loa 50 triệu đồng, đài 200 ngày công');
    expect(parseResources('50 triệu đồng 2023 2024').facilities).toBeUndefined();
    expect(parseResources('50 triệu đồng 2023a 2024b').facilities).toBe('50 triệu đồng 2023a 2024b');
  });

  it('counts separators on the first line with any, outside quotes, after a byte order mark', () => {
    expect(detectDelimiter('\n\na;b;c\nx,y,z,w')).toBe(';');
    expect(detectDelimiter('\r\na;b;c\r\nx,y,z,w')).toBe(';');
    expect(detectDelimiter('a;b;c\nx,y,z,w')).toBe(';');
    expect(detectDelimiter('a;b;c\rx,y,z,w')).toBe(';');
    expect(detectDelimiter('"a\n,,,";b;c\nx')).toBe(';');
    expect(detectDelimiter('"a,b,c";d;e')).toBe(';');
    expect(detectDelimiter('"a;b;c",d,e')).toBe(',');
    expect(detectDelimiter('\uFEFFa;b')).toBe(';');
    expect(detectDelimiter('a,b;c;d')).toBe(';');
    expect(detectDelimiter('a,b,c;d')).toBe(',');
    expect(detectDelimiter('a;b,c')).toBe(',');
  });
});

describe('cells of their own (a form\'s fields, a column of dates, money or workdays)', () => {
  it('reads a date, or for a start or an end a month, as its first or last day', () => {
    expect(readDate('15/3/2023')).toEqual({ date: '2023-03-15' });
    expect(readDate('15/3/2023', 'end')).toEqual({ date: '2023-03-15' });
    expect(readDate('4/2023')).toBeUndefined();
    expect(readDate('tháng 4/2023', 'start')).toEqual({ date: '2023-04-01', month: true });
    expect(readDate('4/2023', 'end')).toEqual({ date: '2023-04-30', month: false });
    expect(readDate('31/4/2023', 'start')).toBeUndefined();
    expect(readDate('', 'start')).toBeUndefined();
    expect(readDate('sau Tết', 'end')).toBeUndefined();
  });

  it('reads funds: none, amounts with their words, or a plain number of at least 1,000 đồng', () => {
    for (const none of ['0', '0 đồng', '0,0', 'không', 'Không có', 'không có kinh phí']) expect(readFunds(none), none).toEqual({ funds_vnd: 0 });
    expect(readFunds('50 triệu')).toEqual({ funds_vnd: 50_000_000 });
    expect(readFunds('50.000.000')).toEqual({ funds_vnd: 50_000_000 });
    expect(readFunds('1000')).toEqual({ funds_vnd: 1000 });
    expect(readFunds('tổng 50 triệu, xã hội hóa 30 triệu')).toEqual({ funds_vnd: 50_000_000, socialized_vnd: 30_000_000 });
    expect(readFunds('xã hội hóa 30 triệu')).toEqual({ socialized_vnd: 30_000_000 });
    for (const bad of ['999', '1.5', '12,5', 'abc']) expect(readFunds(bad), bad).toBeUndefined();
  });

  it('reads a whole number of workdays, with or without its unit', () => {
    for (const [text, n] of [['200', 200], ['1.500', 1500], ['200 ngày công', 200], ['200 Ngày Công', 200], ['200 ngày', 200], ['200 công', 200]] as const) expect(readWorkdays(text), text).toBe(n);
    for (const bad of ['1,5', 'abc', '']) expect(readWorkdays(bad), bad).toBeUndefined();
  });

  it('puts a name on one line', () => {
    expect(oneLine(' Ủy ban MTTQ\n\n phường  Hòa Mạc \r\n')).toBe('Ủy ban MTTQ phường Hòa Mạc');
    expect(cleanText('a\u00a0\u00a0b\r\n\n\n\nc\u2028d ')).toBe('a b\n\nc\nd');
  });

  it('knows the code and level the workspace gives each unit, the first model of a unit winning', () => {
    const units = knownUnits(
      [{ unit: { name: 'Xã A', code: 'XA', level: 'xa' } }, { unit: { name: 'xã a', code: 'ZZ', level: 'tinh' } }, { unit: { name: 'Xã B', code: 5, level: 'phuong' } }, undefined, { unit: { name: 7 } }, {}],
      [{ id: 'xa' }, { id: 'tinh' }],
    );
    expect([...units]).toEqual([['xa-a', { code: 'XA', level: 'xa' }], ['xa-b', { code: undefined, level: undefined }]]);
  });
});

describe('field, type, level', () => {
  it('matches the four field labels loosely', () => {
    expect(matchField('Kinh tế')).toBe('kinh-te');
    expect(matchField('Phát triển kinh tế')).toBe('kinh-te');
    expect(matchField('Văn hóa - xã hội')).toBe('van-hoa-xa-hoi');
    expect(matchField('Văn hoá – Xã hội')).toBe('van-hoa-xa-hoi');
    expect(matchField('VH-XH')).toBe('van-hoa-xa-hoi');
    expect(matchField('Quốc phòng, an ninh')).toBe('quoc-phong-an-ninh');
    expect(matchField('QP-AN')).toBe('quoc-phong-an-ninh');
    expect(matchField('Xây dựng hệ thống chính trị')).toBe('xay-dung-he-thong-chinh-tri');
    expect(matchField('XD HTCT')).toBe('xay-dung-he-thong-chinh-tri');
    expect(matchField('van-hoa-xa-hoi')).toBe('van-hoa-xa-hoi');
    expect(matchField('Môi trường')).toBeUndefined();
    expect(matchField('')).toBeUndefined();
  });

  it('matches the type', () => {
    expect(matchType('Tập thể')).toBe('collective');
    expect(matchType('Mô hình tập thể')).toBe('collective');
    expect(matchType('Cá nhân')).toBe('individual');
    expect(matchType('Điển hình cá nhân')).toBe('individual');
    expect(matchType('individual')).toBe('individual');
    expect(matchType('Khác')).toBeUndefined();
  });

  it('matches a level among the configured ones', () => {
    expect(matchLevel('xa', DEFAULT_LEVELS)).toBe('xa');
    expect(matchLevel('Cấp xã', DEFAULT_LEVELS)).toBe('xa');
    expect(matchLevel('Phường', DEFAULT_LEVELS)).toBe('xa');
    expect(matchLevel('Huyện', DEFAULT_LEVELS)).toBe('huyen');
    expect(matchLevel('Tỉnh', [{ id: 'xa' }])).toBeUndefined();
    expect(matchLevel('co-so', [{ id: 'co-so', label: 'Cơ sở' }])).toBe('co-so');
  });
});

// ---- Rows ----

const t = messages('vi').cli.import.problem;
const ctx = (over: Partial<RowContext> = {}): RowContext => ({
  t,
  headers: { date: 'Ngày đăng ký', resources: 'Nguồn lực, tiến độ', field: 'Lĩnh vực' },
  year: 2023,
  levels: DEFAULT_LEVELS,
  ...over,
});

const ROW: ImportRow = {
  name: 'Dân vận khéo trong xây dựng tuyến phố văn minh',
  problem: 'Tình trạng lấn chiếm vỉa hè còn diễn ra.',
  goals: '- 100% hộ ký cam kết\n- Trồng 120 cây xanh',
  content: 'Vận động từng hộ ký cam kết.',
  area: 'Tổ dân phố Bến',
  forces: 'Ủy ban MTTQ phường (chủ trì)\nĐoàn Thanh niên - phối hợp',
  resources: 'Kinh phí 120 triệu đồng; 350 ngày công; từ 01/4/2023 đến 30/11/2023',
  outputs: 'Quy ước tuyến phố; 120 cây xanh',
  sustainability: 'Nhân rộng ra 5 tổ dân phố.',
  unit: 'Ủy ban MTTQ phường Hòa Mạc',
  unit_code: 'HM',
  field: 'Văn hóa - xã hội',
  type: 'Tập thể',
  date: '15/3/2023',
};

function model(row: ImportRow, c: RowContext = ctx()) {
  const r = rowToModel(row, c);
  if ('problems' in r) throw new Error(`problems: ${r.problems.join('; ')}`);
  return r.model;
}
function problems(row: ImportRow, c: RowContext = ctx()): string[] {
  const r = rowToModel(row, c);
  return 'problems' in r ? r.problems : [];
}

describe('rowToModel', () => {
  it('maps a complete row to a model with a complete register step', () => {
    expect(model(ROW)).toEqual({
      kind: 'model',
      version: 1,
      name: 'Dân vận khéo trong xây dựng tuyến phố văn minh',
      type: 'collective',
      field: 'van-hoa-xa-hoi',
      year: 2023,
      unit: { name: 'Ủy ban MTTQ phường Hòa Mạc', code: 'HM', level: 'xa' },
      steps: {
        register: {
          date: '2023-03-15',
          problem: 'Tình trạng lấn chiếm vỉa hè còn diễn ra.',
          goals: ['100% hộ ký cam kết', 'Trồng 120 cây xanh'],
          content: 'Vận động từng hộ ký cam kết.',
          area: 'Tổ dân phố Bến',
          forces: [{ name: 'Ủy ban MTTQ phường', role: 'chủ trì' }, { name: 'Đoàn Thanh niên', role: 'phối hợp' }],
          resources: { funds_vnd: 120_000_000, workdays: 350 },
          start: '2023-04-01',
          end: '2023-11-30',
          outputs: ['Quy ước tuyến phố', '120 cây xanh'],
          sustainability: 'Nhân rộng ra 5 tổ dân phố.',
        },
      },
    });
  });

  it('writes every text NFC, one-line names, trimmed', () => {
    const nfd: ImportRow = Object.fromEntries(Object.entries(ROW).map(([k, v]) => [k, v.normalize('NFD')]));
    nfd.name = `  Dân vận khéo\ntrong xây dựng  tuyến phố văn minh  `.normalize('NFD');
    const m = model(nfd);
    const all = JSON.stringify(m);
    expect(all).toBe(all.normalize('NFC'));
    expect(m.name).toBe('Dân vận khéo trong xây dựng tuyến phố văn minh');
    expect(m.field).toBe('van-hoa-xa-hoi');
  });

  it('reports what is missing, all at once', () => {
    expect(problems({ ...ROW, name: undefined, unit: undefined })).toEqual([t.missingName, t.missingUnit]);
    expect(problems({ ...ROW, field: undefined })).toEqual([t.missingField]);
    expect(problems({ ...ROW, field: 'Môi trường' })).toEqual([t.badField('Môi trường')]);
    expect(problems({ ...ROW, type: 'Nhóm' })).toEqual([t.badType('Nhóm')]);
    expect(problems({ ...ROW, level: 'Bộ' })).toEqual([t.badLevel('Bộ', ['xa', 'huyen', 'tinh', 'trung-uong'])]);
  });

  it('reports dates that cannot be read, naming the column', () => {
    expect(problems({ ...ROW, date: '31/4/2023' })).toEqual([t.badDate('31/4/2023', 'Ngày đăng ký')]);
    expect(problems({ ...ROW, date: 'giữa tháng 3' })).toEqual([t.badDate('giữa tháng 3', 'Ngày đăng ký')]);
    expect(problems({ ...ROW, resources: 'từ 01/4/2023 đến 31/4/2023' })).toEqual([t.badDate('31/4/2023', 'Nguồn lực, tiến độ')]);
  });

  it('refuses dates out of order, which `dvk validate` would reject', () => {
    expect(problems({ ...ROW, date: '15/4/2023' })).toEqual([t.startBeforeDate('2023-04-01', '2023-04-15')]);
    expect(problems({ ...ROW, resources: 'từ 01/10/2023 đến 30/4/2023' })).toEqual([t.endBeforeStart('2023-04-30', '2023-10-01')]);
  });

  it('starts a month-only period on the registration day when it falls in that month', () => {
    const m = model({ ...ROW, date: '10/3/2023', resources: 'tháng 3/2023 - tháng 12/2023' });
    expect(m.steps.register?.start).toBe('2023-03-10');
    expect(m.steps.register?.end).toBe('2023-12-31');
  });

  it('takes the year from the options or config, else the registration date', () => {
    expect(model(ROW, ctx({ year: 2024 })).year).toBe(2024);
    expect(model({ ...ROW, date: '15/3/2022', resources: undefined }, ctx({ year: undefined })).year).toBe(2022);
    expect(problems({ ...ROW, date: undefined, resources: undefined }, ctx({ year: undefined }))).toEqual([t.noYear]);
  });

  it('falls back on the options for unit, code, level, field and type', () => {
    const row = { ...ROW, unit: undefined, unit_code: undefined, field: undefined, type: undefined };
    const m = model(row, ctx({ unit: { name: 'Hội Nông dân phường Hòa Mạc', code: 'hm-nd', level: 'huyen' }, field: 'kinh-te', type: 'individual' }));
    expect(m.unit).toEqual({ name: 'Hội Nông dân phường Hòa Mạc', code: 'HM-ND', level: 'huyen' });
    expect(m.field).toBe('kinh-te');
    expect(m.type).toBe('individual');
    // The row's own cells win over the options.
    expect(model(ROW, ctx({ field: 'kinh-te' })).field).toBe('van-hoa-xa-hoi');
  });

  it('gives a known unit the code and level its models already have', () => {
    const knownUnits = new Map([['uy-ban-mttq-phuong-hoa-mac', { code: 'HM', level: 'xa' }]]);
    const m = model({ ...ROW, unit: 'Ủy ban MTTQ Phường Hòa Mạc', unit_code: undefined }, ctx({ knownUnits }));
    expect(m.unit).toEqual({ name: 'Ủy ban MTTQ Phường Hòa Mạc', code: 'HM', level: 'xa' });
    // Unknown unit without a code: the initials of its name, as `dvk new model` makes them.
    expect(model({ ...ROW, unit: 'Hội Người cao tuổi phường Hòa Mạc', unit_code: undefined }).unit.code).toBe('HNCTPHM');
  });

  it('reads funds, workdays, start and end from their own columns', () => {
    const m = model({ ...ROW, resources: undefined, funds: '30.000.000', workdays: '120 ngày công', start: '4/2023', end: '30/11/2023' });
    expect(m.steps.register?.resources).toEqual({ funds_vnd: 30_000_000, workdays: 120 });
    expect(m.steps.register?.start).toBe('2023-04-01');
    expect(m.steps.register?.end).toBe('2023-11-30');
    expect(problems({ ...ROW, funds: 'nhiều' }, ctx({ headers: { funds: 'Kinh phí' } }))).toEqual([t.badMoney('nhiều', 'Kinh phí')]);
    expect(problems({ ...ROW, workdays: 'khoảng trăm' }, ctx({ headers: { workdays: 'Ngày công' } }))).toEqual([t.badCount('khoảng trăm', 'Ngày công')]);
  });

  it('takes the period from a "Thời gian" column, and keeps one it cannot read in the notes', () => {
    const m = model({ ...ROW, resources: '10 triệu đồng', time: 'Từ 01/5/2023 đến 31/10/2023' });
    expect([m.steps.register?.start, m.steps.register?.end]).toEqual(['2023-05-01', '2023-10-31']);
    const n = model({ ...ROW, resources: undefined, time: 'cả năm 2023' }, ctx({ headers: { time: 'Thời gian thực hiện' } }));
    expect(n.notes).toBe('Thời gian thực hiện: cả năm 2023');
    expect(n.steps.register?.start).toBeUndefined();
  });

  it('keeps an incomplete row: a partial register step is a warning, not an error', () => {
    const m = model({ name: 'Mô hình mới', unit: 'Đoàn Thanh niên phường', field: 'Kinh tế' });
    expect(m.steps).toEqual({ register: {} });
    expect(m.unit.code).toBe('DTNP');
  });

  it('names the person of an individual exemplar', () => {
    expect(model({ ...ROW, type: 'Cá nhân', person: 'Trần Văn Hùng' }).person).toEqual({ name: 'Trần Văn Hùng' });
    expect(model({ ...ROW, person: 'Trần Văn Hùng' }).person).toBeUndefined();
  });
});

describe('bytes and separators', () => {
  it('finds the first byte that is not UTF-8', () => {
    expect(firstInvalidUtf8(new TextEncoder().encode('Tên mô hình, Đơn vị'))).toBe(-1);
    expect(firstInvalidUtf8(Uint8Array.from([0x54, 0xea, 0x6e]))).toBe(1); // "Tên" in Windows-1258
    expect(firstInvalidUtf8(Uint8Array.from([0xc3]))).toBe(0); // cut short
    expect(firstInvalidUtf8(Uint8Array.from([0xc0, 0x80]))).toBe(0); // overlong
    expect(firstInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(0); // surrogate
    expect(firstInvalidUtf8(new TextEncoder().encode('😀'))).toBe(-1);
  });

  it('detects the separator from the header line, outside quotes', () => {
    expect(detectDelimiter('Tên mô hình;Lý do;Đơn vị\r\na,b;c;d')).toBe(';');
    expect(detectDelimiter('\uFEFFTên mô hình,"Thực trạng, lý do",Đơn vị\n')).toBe(',');
    expect(detectDelimiter('"Thực trạng, lý do, mục tiêu";Đơn vị\n')).toBe(';');
    expect(detectDelimiter('Tên mô hình\n')).toBe(',');
  });

  it('cleans cell text', () => {
    expect(cleanText('  a\u00a0 b \r\n\r\n\r\n c  ')).toBe('a b\n\nc');
  });
});
