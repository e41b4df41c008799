/**
 * Entry of /workbench/shell.js. Lit and the SDK are not bundled here: they
 * come through the page's import map, shared with every view.
 */
import './shell/gate';
import './shell/app';
