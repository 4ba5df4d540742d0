/** Types of demo-viewer.js (plain JavaScript, so that the script-tag page can load it too). */
export type DemoSituation = 'new' | 'old-version' | 'renewal' | 'up-to-date' | 'opted-out';

export interface DemoViewer {
  id: string;
  displayName: string;
  team: string;
  situation: DemoSituation;
  /** What the toolbar says of this person, in French. */
  label: string;
}

export type DemoSourceId = 'rest' | 'static' | 'memory';

export interface DemoSource {
  id: DemoSourceId;
  /** What the toolbar says of this source, in French. */
  label: string;
}

export declare const DEMO_VIEWERS: readonly DemoViewer[];
export declare const DEMO_SOURCES: readonly DemoSource[];
export declare const VIEWER_PARAM: string;
export declare const SOURCE_PARAM: string;
export declare function demoServerRuns(): boolean;
export declare function demoSource(fallback?: DemoSourceId, location?: Pick<Location, 'search'>): DemoSource;
export declare function demoViewer(location?: Pick<Location, 'search'>): DemoViewer;
export declare function forgetDemoViewer(): void;
export declare function viewerIdentity(viewer: DemoViewer): { id: string; displayName: string; team?: string };
export declare function showDemoToolbar(viewer?: DemoViewer, doc?: Document, options?: { source?: DemoSource; notice?: string }): HTMLFormElement;
