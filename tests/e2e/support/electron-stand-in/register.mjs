// `node --import ./register.mjs`: every `import 'electron'` gets the stand-in beside this file.
import { register } from 'node:module';

register('./resolve-electron.mjs', import.meta.url);
