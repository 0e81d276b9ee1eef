/**
 * `import 'parley-chat/auto'`: the one entry with a side effect. It registers the
 * `<parley-chat>` custom element so markup alone starts the widget.
 */
import { defineParleyElement } from './defineParleyElement.js';

defineParleyElement();
