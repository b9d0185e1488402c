import { Foundation1795819048668 } from './1795819048668-Foundation';
import { CasesAndAudit1795819806835 } from './1795819806835-CasesAndAudit';

/** Migrations in the order they apply; add each new one here. */
export const MIGRATIONS: Function[] = [Foundation1795819048668, CasesAndAudit1795819806835];
