import { contractSuite } from './contract-suite.js';

contractSuite('slack', 'delivery');
