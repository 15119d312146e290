/// <reference types="google-apps-script" />
// The small services: PropertiesService's and CacheService's stores, HtmlService's output, and the
// spreadsheet UI's add-on menu and sidebar.

/** Where the fakes record every change (GasFakes.mutations). */
export interface MutationLog {
  mutate(what: string): void;
}

export class FakeProperties {
  readonly fakes: MutationLog;
  readonly label: string;
  readonly data = new Map<string, string>();
  constructor(fakes: MutationLog, label: string) {
    this.fakes = fakes;
    this.label = label;
  }
  getProperty(k: string) {
    return this.data.get(k) ?? null;
  }
  getProperties() {
    return Object.fromEntries(this.data);
  }
  setProperty(k: string, v: string) {
    this.fakes.mutate(`${this.label}.setProperty(${k}=${v})`);
    this.data.set(k, String(v));
    return this;
  }
  deleteProperty(k: string) {
    this.fakes.mutate(`${this.label}.deleteProperty(${k})`);
    this.data.delete(k);
    return this;
  }
}

export class FakeCache {
  readonly data = new Map<string, string>();
  get(k: string) {
    return this.data.get(k) ?? null;
  }
  put(k: string, v: string, _seconds?: number) {
    this.data.set(k, v);
  }
  remove(k: string) {
    this.data.delete(k);
  }
}

export class FakeHtmlOutput {
  readonly file: string;
  readonly content: string;
  title = '';
  constructor(file: string, content: string) {
    this.file = file;
    this.content = content;
  }
  setTitle(t: string) {
    this.title = t;
    return this;
  }
  getTitle() {
    return this.title;
  }
  getContent() {
    return this.content;
  }
}

export interface FakeMenu {
  kind: 'addon';
  items: { caption: string; functionName: string }[];
}

/** SpreadsheetApp.getUi(): menus added to the UI and sidebars shown land in the given lists. */
export function fakeUi(menus: FakeMenu[], sidebars: FakeHtmlOutput[]) {
  return {
    createAddonMenu() {
      const menu: FakeMenu = { kind: 'addon', items: [] };
      const api = {
        addItem(caption: string, functionName: string) {
          menu.items.push({ caption, functionName });
          return api;
        },
        addSeparator() {
          return api;
        },
        addToUi() {
          menus.push(menu);
        },
      };
      return api;
    },
    showSidebar(html: FakeHtmlOutput) {
      sidebars.push(html);
    },
  };
}
