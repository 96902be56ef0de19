import { contractSuite } from './contract-suite.js';

contractSuite('teams', 'delivery');
