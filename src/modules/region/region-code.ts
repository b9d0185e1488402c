import { badInput } from '../../errors';

/** Level of a place in the district → township → village tree (DOMAIN.md §1), and the province
 * above the districts, which is no place of any district's register. */
export enum RegionLevel {
  PROVINCE = 'PROVINCE',
  DISTRICT = 'DISTRICT',
  TOWNSHIP = 'TOWNSHIP',
  VILLAGE = 'VILLAGE',
}

const CODE = /^\d{12}$/;

/**
 * Level of a 12-digit statistical division code `PPCCDD TTT VVV`: a district ends in six zeros,
 * a township in three, a village in none. Throws BAD_USER_INPUT for anything else.
 */
export function levelOfCodeOrThrow(code: string): RegionLevel {
  if (!CODE.test(code)) throw badInput('code', 'region.code.format', { code });
  if (code.slice(0, 2) === '00' || code.slice(4, 6) === '00') {
    throw badInput('code', 'region.code.noDistrict', { code });
  }
  const township = code.slice(6, 9);
  const village = code.slice(9, 12);
  if (township === '000') {
    if (village !== '000') throw badInput('code', 'region.code.villageWithoutTownship', { code });
    return RegionLevel.DISTRICT;
  }
  return village === '000' ? RegionLevel.TOWNSHIP : RegionLevel.VILLAGE;
}

export const districtCodeOf = (code: string) => code.slice(0, 6) + '000000';
/** The province of a code: its first two digits. */
export const provinceCodeOf = (code: string) => code.slice(0, 2);

/** A province's own code, `PP0000000000`: where the province operators and their records live. It
 * names no place of a district's register, so `levelOfCodeOrThrow` refuses it. */
export const isProvinceCode = (code: string) => /^(?!00)\d{2}0{10}$/.test(code);
export const townshipCodeOf = (code: string) => code.slice(0, 9) + '000';

/** The code of the parent region implied by the code itself (null for a district). */
export function parentCodeOf(code: string): string | null {
  const level = levelOfCodeOrThrow(code);
  if (level === RegionLevel.DISTRICT) return null;
  return level === RegionLevel.TOWNSHIP ? districtCodeOf(code) : townshipCodeOf(code);
}

/** The scope columns every row inside this region carries. */
export function scopeCodesOf(code: string): { districtCode: string; townshipCode: string | null; villageCode: string | null } {
  // The province is the tenant key of its own records (D§1): its code stands where a district's would.
  if (isProvinceCode(code)) return { districtCode: code, townshipCode: null, villageCode: null };
  const level = levelOfCodeOrThrow(code);
  return {
    districtCode: districtCodeOf(code),
    townshipCode: level === RegionLevel.DISTRICT ? null : townshipCodeOf(code),
    villageCode: level === RegionLevel.VILLAGE ? code : null,
  };
}
