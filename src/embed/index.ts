export { init, getWidget } from './init.js';
export { defineParleyElement } from './defineParleyElement.js';
export type { ParleyWidget, WidgetEvents } from './ParleyWidget.js';
export type { StorageMode, WidgetOptions } from './widgetOptions.js';
