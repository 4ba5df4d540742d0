/**
 * The demo pages' set-up, as an npm user would write it: import Relais (which registers the
 * elements) and configure the page-wide source. The StaticAdapter keeps the viewer's own writes
 * in browser storage, so an acknowledgment survives a reload.
 */
import { configure, StaticAdapter } from '../entries/index.js';

configure({ adapter: new StaticAdapter({ src: new URL('./data/advocacy.json', import.meta.url).href }) });
