import { Foundation1795819048668 } from './1795819048668-Foundation';

/** Migrations in the order they apply; add each new one here. */
export const MIGRATIONS: Function[] = [Foundation1795819048668];
