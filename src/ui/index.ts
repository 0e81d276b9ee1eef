/** The Preact widget UI. The embed layer imports it lazily; it reads core stores and calls actions. */
export { renderWidget } from './renderWidget.js';
export { createViewState } from './createViewState.js';
export type { ArticleRef, ViewState, WidgetScreen } from './createViewState.js';
export type { WidgetViewOptions } from './WidgetViewOptions.js';
export { applyStyles } from './styles/applyStyles.js';
export { widgetCss } from './styles/widgetCss.js';
export { themeCss } from './theme/themeCss.js';
export type { HostLayout } from './theme/themeCss.js';
export { darkColors, lightColors } from './theme/ThemeOptions.js';
export type { ThemeColors, ThemeOptions } from './theme/ThemeOptions.js';
export { renderMarkdown } from './markdown/renderMarkdown.js';
