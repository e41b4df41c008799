/**
 * The single copy of Lit shared by the shell, the built-in views and every
 * plug-in view. The import map in index.html points the bare specifier `lit`
 * here; if two copies were loaded, each would keep its own template cache and
 * directive classes, and values would not cross between them correctly.
 */
export * from 'lit';
