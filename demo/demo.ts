/**
 * The demo pages' set-up, as an npm user would write it: import Relais (which registers the
 * elements) and configure the page-wide source. The StaticAdapter keeps the viewer's own writes
 * in browser storage, so an acknowledgment survives a reload.
 *
 * A real page says who the viewer is; the demo lets the visitor choose (demo-viewer.js) and
 * starts, on a first visit, as a new employee who has not read the charter yet.
 */
import { configure, StaticAdapter } from '../entries/index.js';
import { demoViewer, showDemoToolbar, viewerIdentity } from './demo-viewer.js';

const viewer = demoViewer();
configure({ adapter: new StaticAdapter({ src: new URL('./data/advocacy.json', import.meta.url).href, viewer: viewerIdentity(viewer) }) });
showDemoToolbar(viewer);
