/// <reference types="google-apps-script" />
// SpreadsheetApp's objects: one spreadsheet with sheets, ranges (values, bold, background), frozen
// rows, filters, embedded charts (built with newChart()/modify(), kept by insertChart, updateChart
// and removeChart, with their type, ranges, options and position) and toasts. Every change is
// logged, so a test can assert that a second sync of the same data changed nothing.
import type { MutationLog } from './services.ts';

interface CellFormat {
  fontWeight: string;
  background: string;
  numberFormat: string;
}

/** A stored value: text stays text, a number (a date-time serial too) a number, as Sheets keeps RAW values. */
export type CellValue = string | number;

/** The key of a cell in FakeSheet.cells and .formats. */
export const cellKey = (r: number, c: number) => `${r},${c}`;

export class FakeFilter {
  readonly criteria = new Map<number, unknown>();
  private readonly sheet: FakeSheet;
  readonly bounds: { row: number; col: number; rows: number; cols: number };
  constructor(sheet: FakeSheet, bounds: { row: number; col: number; rows: number; cols: number }) {
    this.sheet = sheet;
    this.bounds = bounds;
  }
  getRange() {
    const b = this.bounds;
    return this.sheet.getRange(b.row, b.col, b.rows, b.cols);
  }
  getColumnFilterCriteria(col: number) {
    return (this.criteria.get(col) ?? null) as GoogleAppsScript.Spreadsheet.FilterCriteria | null;
  }
  setColumnFilterCriteria(col: number, c: unknown) {
    this.sheet.fakes.mutate(`Filter.setColumnFilterCriteria(${col})`);
    this.criteria.set(col, c);
    return this;
  }
  remove() {
    this.sheet.fakes.mutate('Filter.remove()');
    this.sheet.filter = null;
  }
}

export class FakeRange {
  private readonly sheet: FakeSheet;
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
  constructor(sheet: FakeSheet, row: number, col: number, rows: number, cols: number) {
    this.sheet = sheet;
    this.row = row;
    this.col = col;
    this.rows = rows;
    this.cols = cols;
  }
  private get label() {
    return `Range(${this.sheet.name}!R${this.row}C${this.col}:R${this.row + this.rows - 1}C${this.col + this.cols - 1})`;
  }
  private each(fn: (r: number, c: number) => void) {
    for (let r = this.row; r < this.row + this.rows; r++) for (let c = this.col; c < this.col + this.cols; c++) fn(r, c);
  }
  private format(r: number, c: number): CellFormat {
    let f = this.sheet.formats.get(cellKey(r, c));
    if (!f) this.sheet.formats.set(cellKey(r, c), (f = { fontWeight: 'normal', background: '#ffffff', numberFormat: 'General' }));
    return f;
  }
  getRow() {
    return this.row;
  }
  getColumn() {
    return this.col;
  }
  getNumRows() {
    return this.rows;
  }
  getNumColumns() {
    return this.cols;
  }
  getLastRow() {
    return this.row + this.rows - 1;
  }
  getLastColumn() {
    return this.col + this.cols - 1;
  }
  getFontWeight() {
    return this.format(this.row, this.col).fontWeight;
  }
  setFontWeight(w: string | null) {
    this.sheet.fakes.mutate(`${this.label}.setFontWeight(${w})`);
    this.each((r, c) => (this.format(r, c).fontWeight = w ?? 'normal'));
    return this;
  }
  getBackground() {
    return this.format(this.row, this.col).background;
  }
  setBackground(color: string | null) {
    this.sheet.fakes.mutate(`${this.label}.setBackground(${color})`);
    this.each((r, c) => (this.format(r, c).background = (color ?? '#ffffff').toLowerCase()));
    return this;
  }
  /** What the user sees in the cells, as text (the fake keeps no display formats beyond the value). */
  getDisplayValues(): string[][] {
    return this.getValues().map((r) => r.map((v) => String(v)));
  }
  getNumberFormat() {
    return this.format(this.row, this.col).numberFormat;
  }
  setNumberFormat(pattern: string) {
    this.sheet.fakes.mutate(`${this.label}.setNumberFormat(${pattern})`);
    this.each((r, c) => (this.format(r, c).numberFormat = pattern));
    return this;
  }
  /** "A1:C3" (a single cell: "B2"), as Apps Script writes it. */
  getA1Notation() {
    const col = (n: number) => {
      let out = '';
      for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) out = String.fromCharCode(65 + ((x - 1) % 26)) + out;
      return out;
    };
    const a = `${col(this.col)}${this.row}`;
    return this.rows === 1 && this.cols === 1 ? a : `${a}:${col(this.col + this.cols - 1)}${this.row + this.rows - 1}`;
  }
  getSheet() {
    return this.sheet;
  }
  getValues(): CellValue[][] {
    return Array.from({ length: this.rows }, (_, i) => Array.from({ length: this.cols }, (_, j) => this.sheet.cells.get(cellKey(this.row + i, this.col + j)) ?? ''));
  }
  createFilter() {
    if (this.sheet.filter) throw new Error('You can\'t create a filter in a sheet that already has a filter.');
    this.sheet.fakes.mutate(`${this.label}.createFilter()`);
    this.sheet.filter = new FakeFilter(this.sheet, { row: this.row, col: this.col, rows: this.rows, cols: this.cols });
    return this.sheet.filter;
  }
}

/** Charts.ChartType names the builder's as...Chart() calls set. */
export type FakeChartType = 'AREA' | 'BAR' | 'COLUMN' | 'COMBO' | 'LINE' | 'PIE' | 'SCATTER' | 'TABLE';

interface ChartState {
  chartId: number | null;
  type: FakeChartType;
  ranges: FakeRange[];
  options: Map<string, unknown>;
  numHeaders: number;
  position: { row: number; col: number; offsetX: number; offsetY: number };
}

/**
 * EmbeddedChartBuilder (and the typed builders as...Chart() return: the same object here). Nothing
 * reaches the sheet until build() and Sheet.insertChart / updateChart, as in Apps Script.
 */
export class FakeChartBuilder {
  private readonly state: ChartState;
  constructor(state: ChartState) {
    this.state = { ...state, ranges: [...state.ranges], options: new Map(state.options), position: { ...state.position } };
  }
  private as(type: FakeChartType) {
    this.state.type = type;
    return this;
  }
  asAreaChart() {
    return this.as('AREA');
  }
  asBarChart() {
    return this.as('BAR');
  }
  asColumnChart() {
    return this.as('COLUMN');
  }
  asComboChart() {
    return this.as('COMBO');
  }
  asLineChart() {
    return this.as('LINE');
  }
  asPieChart() {
    return this.as('PIE');
  }
  getChartType() {
    return this.state.type;
  }
  addRange(range: FakeRange) {
    this.state.ranges.push(range);
    return this;
  }
  removeRange(range: FakeRange) {
    this.state.ranges = this.state.ranges.filter((r) => !(r.getSheet() === range.getSheet() && r.getA1Notation() === range.getA1Notation()));
    return this;
  }
  clearRanges() {
    this.state.ranges = [];
    return this;
  }
  getRanges() {
    return [...this.state.ranges];
  }
  setNumHeaders(n: number) {
    this.state.numHeaders = n;
    return this;
  }
  setOption(option: string, value: unknown) {
    this.state.options.set(option, value);
    return this;
  }
  // The typed builders' setters are options under the names Apps Script gives them.
  setTitle(title: string) {
    return this.setOption('title', title);
  }
  setXAxisTitle(title: string) {
    return this.setOption('hAxis.title', title);
  }
  setYAxisTitle(title: string) {
    return this.setOption('vAxis.title', title);
  }
  setStacked() {
    return this.setOption('isStacked', true);
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number) {
    this.state.position = { row: anchorRowPos, col: anchorColPos, offsetX, offsetY };
    return this;
  }
  build() {
    return new FakeChart({ ...this.state, ranges: [...this.state.ranges], options: new Map(this.state.options), position: { ...this.state.position } });
  }
}

/** EmbeddedChart: what build() returns and Sheet.getCharts() lists. */
export class FakeChart {
  readonly state: ChartState;
  constructor(state: ChartState) {
    this.state = state;
  }
  getChartId() {
    return this.state.chartId;
  }
  getRanges() {
    return [...this.state.ranges];
  }
  getNumHeaders() {
    return this.state.numHeaders;
  }
  getOptions() {
    const options = this.state.options;
    return { get: (option: string) => options.get(option) ?? null };
  }
  getContainerInfo() {
    const p = this.state.position;
    return { getAnchorRow: () => p.row, getAnchorColumn: () => p.col, getOffsetX: () => p.offsetX, getOffsetY: () => p.offsetY };
  }
  modify() {
    return new FakeChartBuilder(this.state);
  }
  /** For assertions: the type, the ranges in A1 notation with their sheet, the options, the anchor. */
  describe() {
    return {
      type: this.state.type,
      ranges: this.state.ranges.map((r) => `${r.getSheet().getName()}!${r.getA1Notation()}`),
      numHeaders: this.state.numHeaders,
      options: Object.fromEntries(this.state.options),
      position: { ...this.state.position },
    };
  }
}

let nextChartId = 1;

export class FakeSheet {
  readonly fakes: MutationLog;
  readonly name: string;
  readonly cells = new Map<string, CellValue>();
  readonly formats = new Map<string, CellFormat>();
  maxRows = 1000;
  maxCols = 26;
  frozenRows = 0;
  filter: FakeFilter | null = null;
  /** Embedded charts in the order inserted. */
  charts: FakeChart[] = [];
  constructor(fakes: MutationLog, name: string) {
    this.fakes = fakes;
    this.name = name;
  }
  getName() {
    return this.name;
  }
  getRange(row: number, col: number, rows = 1, cols = 1) {
    if (row < 1 || col < 1 || row + rows - 1 > this.maxRows || col + cols - 1 > this.maxCols) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new FakeRange(this, row, col, rows, cols);
  }
  getMaxRows() {
    return this.maxRows;
  }
  getMaxColumns() {
    return this.maxCols;
  }
  insertRowsAfter(after: number, howMany: number) {
    this.fakes.mutate(`Sheet(${this.name}).insertRowsAfter(${after}, ${howMany})`);
    this.maxRows += howMany;
    return this;
  }
  insertColumnsAfter(after: number, howMany: number) {
    this.fakes.mutate(`Sheet(${this.name}).insertColumnsAfter(${after}, ${howMany})`);
    this.maxCols += howMany;
    return this;
  }
  getFrozenRows() {
    return this.frozenRows;
  }
  setFrozenRows(n: number) {
    this.fakes.mutate(`Sheet(${this.name}).setFrozenRows(${n})`);
    this.frozenRows = n;
  }
  getFilter() {
    return this.filter;
  }
  /** The last row and column with content (0 when the sheet is empty), as Apps Script counts them. */
  getLastRow() {
    let last = 0;
    for (const [k, v] of this.cells) if (v !== '') last = Math.max(last, Number(k.split(',')[0]));
    return last;
  }
  getLastColumn() {
    let last = 0;
    for (const [k, v] of this.cells) if (v !== '') last = Math.max(last, Number(k.split(',')[1]));
    return last;
  }
  /** Values go, formats, filters and charts stay (Sheet.clearContents). */
  clearContents() {
    this.fakes.mutate(`Sheet(${this.name}).clearContents()`);
    this.cells.clear();
    return this;
  }
  newChart() {
    return new FakeChartBuilder({ chartId: null, type: 'COLUMN', ranges: [], options: new Map(), numHeaders: -1, position: { row: 1, col: 1, offsetX: 0, offsetY: 0 } });
  }
  insertChart(chart: FakeChart) {
    if (!chart.state.ranges.length) throw new Error('The chart must have at least one range.');
    this.fakes.mutate(`Sheet(${this.name}).insertChart(${chart.state.type})`);
    // A chart built from modify() of a chart already here is inserted as a new one, with a new id, as in Apps Script.
    this.charts.push(new FakeChart({ ...chart.state, chartId: nextChartId++ }));
  }
  getCharts() {
    return [...this.charts];
  }
  updateChart(chart: FakeChart) {
    const i = this.charts.findIndex((c) => c.state.chartId !== null && c.state.chartId === chart.state.chartId);
    if (i < 0) throw new Error('The chart to update does not exist on this sheet.');
    this.fakes.mutate(`Sheet(${this.name}).updateChart(${chart.state.chartId})`);
    this.charts[i] = new FakeChart({ ...chart.state });
  }
  removeChart(chart: FakeChart) {
    const before = this.charts.length;
    this.charts = this.charts.filter((c) => c.state.chartId !== chart.state.chartId);
    if (this.charts.length === before) throw new Error('The chart to remove does not exist on this sheet.');
    this.fakes.mutate(`Sheet(${this.name}).removeChart(${chart.state.chartId})`);
  }
  /** The values as a grid, trimmed to the last non-empty row and column. */
  values(): CellValue[][] {
    let lastRow = 0;
    let lastCol = 0;
    for (const [k, v] of this.cells) {
      if (v === '') continue;
      const [r, c] = k.split(',').map(Number) as [number, number];
      lastRow = Math.max(lastRow, r);
      lastCol = Math.max(lastCol, c);
    }
    return lastRow === 0 ? [] : this.getRange(1, 1, lastRow, lastCol).getValues();
  }
}

export class FakeSpreadsheet {
  readonly fakes: MutationLog;
  readonly id: string;
  readonly sheets: FakeSheet[] = [];
  readonly toasts: { message: string; title: string | undefined; timeoutSeconds: number | undefined }[] = [];
  /** Structural changes not yet flushed: the Sheets REST API does not see them until flush(). */
  pendingSheets = new Set<FakeSheet>();
  constructor(fakes: MutationLog, id: string) {
    this.fakes = fakes;
    this.id = id;
    this.sheets.push(new FakeSheet(fakes, 'Sheet1'));
  }
  getId() {
    return this.id;
  }
  getSheets() {
    return [...this.sheets];
  }
  getSheetByName(name: string) {
    return this.sheets.find((s) => s.name === name) ?? null;
  }
  insertSheet(name: string) {
    if (this.getSheetByName(name)) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    this.fakes.mutate(`Spreadsheet.insertSheet(${name})`);
    const s = new FakeSheet(this.fakes, name);
    this.sheets.push(s);
    this.pendingSheets.add(s);
    return s;
  }
  toast(message: string, title?: string, timeoutSeconds?: number) {
    this.toasts.push({ message, title, timeoutSeconds });
  }
}
