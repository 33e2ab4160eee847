// conversion-drop: a business regression with no error at all; the version converts `drop` less.
import type { Effect, FaultTarget } from '../effect';

export interface ConversionDropFault {
  kind: 'conversion-drop';
  version: string;
  drop: number;
}

export const conversionDropEffects = (f: ConversionDropFault, at: FaultTarget): Effect[] => [
  { type: 'conversion', version: at.version(f.version), factor: 1 - f.drop },
];
