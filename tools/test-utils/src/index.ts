// Test helpers shared by every package (private; exports its source directly).
export { FakeClock } from './fake-clock.js';
export { seededRandom, sequenceRandom } from './seeded-random.js';
