import { attachmentsCss } from './attachmentsCss.js';
import { baseCss } from './baseCss.js';
import { composerCss } from './composerCss.js';
import { headerCss } from './headerCss.js';
import { knowledgeCss } from './knowledgeCss.js';
import { launcherCss } from './launcherCss.js';
import { messagesCss } from './messagesCss.js';
import { panelCss } from './panelCss.js';
import { screensCss } from './screensCss.js';

/** All static CSS of the widget; theme tokens come in a second sheet from `themeCss`. */
export const widgetCss = [baseCss, launcherCss, panelCss, headerCss, messagesCss, composerCss, attachmentsCss, screensCss, knowledgeCss].join('\n');
