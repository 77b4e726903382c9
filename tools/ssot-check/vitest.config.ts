import { relProject } from '../../vitest.shared.ts';

export default relProject('ssot-check');
