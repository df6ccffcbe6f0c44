/**
 * Builds the harness's own two scripts (development only, never shipped) into .tmp/harness/build/:
 *   harness.html + harness.js     the harness page: the Excel simulator, the sheet grid, the pane in an iframe
 *   harness-office.js             stands in for Office.js inside the pane, wired to the page's simulator
 * The task pane itself is NOT built here: the harness serves the production build made by ../webpack.config.js.
 */
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const root = path.resolve(__dirname, '..');

module.exports = {
  mode: 'development',
  context: root,
  entry: {
    harness: './harness/page.ts',
    'harness-office': './harness/office-shim.ts',
  },
  output: {
    path: path.join(root, '.tmp', 'harness', 'build'),
    filename: '[name].js',
    clean: true,
  },
  devtool: 'source-map',
  resolve: { extensions: ['.ts', '.tsx', '.js'] },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: {
          loader: 'ts-loader',
          options: {
            transpileOnly: true,
            configFile: path.join(root, 'tsconfig.json'),
            compilerOptions: { module: 'es2020', sourceMap: true },
          },
        },
      },
    ],
  },
  plugins: [new HtmlWebpackPlugin({ filename: 'harness.html', template: './harness/harness.html', chunks: ['harness'] })],
  performance: { hints: false },
};
