/** Civil-affairs staff a township needs (P6.2, D§11): 3 up to 30,000 residents, one more per further full 10,000. */
export function requiredCaseworkers(population: number): number {
  return 3 + Math.max(0, Math.floor((population - 30_000) / 10_000));
}
