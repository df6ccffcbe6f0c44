/**
 * Builds the Office add-in front end into dist/:
 *   taskpane.html + taskpane.[hash].js (+ react / fluentui vendor chunks)   the task pane
 *   commands.html + commands.[hash].js                                       the function file (ribbon commands)
 *   check-result.html + check-result.[hash].js                               the dialog "Check plan" shows its summary in
 *   help.html, support.html                                                  built from docs/*.md (scripts/help-pages.js)
 *   assets/*.png, manifest.xml                                               copied as they are
 *
 *   npm run build        webpack --mode production
 *   npm run dev-server   webpack serve --mode development   (http://localhost:3000 by default; see devServer)
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { HelpPagesPlugin } = require('./scripts/help-pages.js');

const DEV_SERVER_PORT = 3000; // must match the https://localhost:3000 URLs in manifest.xml

/**
 * devServer `server` option. Office only loads add-ins over HTTPS, so sideloading into Excel needs
 * HTTPS=true and a certificate Excel trusts. Those certificates come from office-addin-dev-certs
 * (`npx office-addin-dev-certs install`, which writes ~/.office-addin-dev-certs/); when they are
 * present they are used, otherwise webpack-dev-server makes a self-signed one (fine for a browser
 * that you tell to accept it, not for Excel). Without HTTPS=true the server speaks plain http, which
 * is enough for building and for looking at the pane in a browser.
 */
function devServerTransport() {
  if (process.env.HTTPS !== 'true') return 'http';
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const files = { key: 'localhost.key', cert: 'localhost.crt', ca: 'ca.crt' };
  if (Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) {
    const options = {};
    for (const [k, f] of Object.entries(files)) options[k] = fs.readFileSync(path.join(dir, f));
    return { type: 'https', options };
  }
  return 'https';
}

module.exports = (_env, argv) => {
  const production = argv.mode === 'production';
  return {
    mode: production ? 'production' : 'development',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      'check-result': './src/commands/check-result.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: production ? '[name].[contenthash].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash].js' : '[name].js',
      clean: true,
    },
    // Never an eval-based devtool: taskpane.html's Content-Security-Policy forbids 'unsafe-eval',
    // so eval source maps would stop even the development build from running.
    devtool: 'source-map',
    resolve: {
      extensions: ['.tsx', '.ts', '.js'],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              // Type-checking is `npm run typecheck` (tsc); webpack only transpiles.
              transpileOnly: true,
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              // tsconfig.json emits CommonJS for node (jest, CLI); ES modules here let webpack
              // tree-shake Fluent UI.
              compilerOptions: { module: 'es2020', sourceMap: true },
            },
          },
        },
      ],
    },
    optimization: {
      splitChunks: {
        chunks: 'all',
        cacheGroups: {
          // Fluent UI v9 and the libraries it is built on (Griffel CSS-in-JS with stylis,
          // rtl-css-js and @emotion/hash; Tabster focus management; Floating UI positioning):
          // large and slow-changing, so cached on their own. Only what the first paint needs
          // (chunks: 'initial'): the Fluent components that only the lazily loaded views use
          // (Dropdown, Select, Badge…) stay in those views' chunks, out of the first load.
          fluentui: {
            test: /[\\/]node_modules[\\/](@fluentui|@griffel|@floating-ui|@emotion|stylis|rtl-css-js|tabster|keyborg|@swc[\\/]helpers)[\\/]/,
            name: 'fluentui',
            chunks: 'initial',
            priority: 20,
            enforce: true,
          },
          react: {
            test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
            name: 'react',
            chunks: 'initial',
            priority: 10,
            enforce: true,
          },
        },
      },
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
      }),
      new HtmlWebpackPlugin({
        filename: 'check-result.html',
        template: './src/commands/check-result.html',
        chunks: ['check-result'],
      }),
      // The Help link and the manifest's SupportUrl / LearnMoreUrl open these, served with the pane.
      new HelpPagesPlugin(__dirname),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'manifest.xml', to: 'manifest.xml' },
        ],
      }),
    ],
    performance: {
      // The Fluent UI chunk is big by nature; warn only well above it (sizes are before gzip).
      hints: production ? 'warning' : false,
      maxEntrypointSize: 1024 * 1024,
      maxAssetSize: 768 * 1024,
    },
    devServer: {
      port: DEV_SERVER_PORT,
      server: devServerTransport(),
      headers: { 'Access-Control-Allow-Origin': '*' },
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};
