import { contractSuite } from './contract-suite.js';

contractSuite('slack', 'dialogues');
