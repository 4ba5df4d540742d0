// Types of provision-lists.mjs (a plain module, so that it runs with Node alone).
export type ColumnOptions = { indexed?: boolean; unique?: boolean; choices?: string[]; default?: string };
export declare const RELAIS_LISTS: Record<string, [name: string, type: string, options?: ColumnOptions][]>;
export declare const LEADERBOARD_LIST: Record<string, [name: string, type: string, options?: ColumnOptions][]>;
export declare const HR_REGISTER: { list: string; title: string; fields: string[] };
export declare function fieldXml(name: string, type: string, options?: ColumnOptions): string;
export interface ProvisionReport {
  listsCreated: string[];
  fieldsCreated: string[];
  fieldsIndexed: string[];
  viewsCreated: string[];
  warnings: string[];
}
export declare function provision(options: {
  site: string;
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
  headers?: Record<string, string>;
  dryRun?: boolean;
  leaderboardList?: boolean;
  log?: (line: string) => void;
}): Promise<ProvisionReport>;
