import { contractSuite } from './contract-suite.js';

contractSuite('local', 'delivery');
