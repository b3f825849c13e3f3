// electron-builder beforeBuild hook (see electron-builder.yml): main and preload are esbuild bundles,
// so the app needs no node_modules. Returning false tells electron-builder that node_modules are
// handled elsewhere: it then neither installs, rebuilds nor copies any (without this it would fall
// back to copying the project's own dependencies into app.asar).
exports.default = async function beforeBuild() {
  return false;
};
