// Turns zod's issues into "problems": a path, which part of the entry to point at, and a message.
import type { z } from 'zod';
import { acceptedKeysFor } from './closed';
import { didYouMean } from './didYouMean';
import { quoteList } from './messages';
import type { Anchor } from './positions';

export interface Problem {
  path: PropertyKey[];
  anchor: Anchor;
  message: string;
}

/** Issues raised because the value has the wrong shape for a branch at all (so the branch was not meant). */
const WRONG_SHAPE = new Set(['invalid_type', 'invalid_value', 'invalid_format']);

/**
 * For a union, zod reports every branch's issues. The branches that failed at their root on the
 * value's shape were not what the author meant (a mapping was never meant to be "constant");
 * if exactly one branch is left, its issues are the useful ones. Otherwise keep the union's own message.
 */
function meantBranch(issue: z.core.$ZodIssueInvalidUnion): z.core.$ZodIssue[] | undefined {
  const meant = issue.errors.filter((branch) => !branch.some((i) => i.path.length === 0 && WRONG_SHAPE.has(i.code)));
  return meant.length === 1 ? meant[0] : undefined;
}

function unknownKeyProblems(path: PropertyKey[], keys: readonly string[], input: unknown): Problem[] {
  const present = new Set(typeof input === 'object' && input !== null ? Object.keys(input) : []);
  // Suggest only keys not already written: "instances" twice is no fix for "instnces".
  const accepted = acceptedKeysFor(input);
  const candidates = (accepted ?? []).filter((k) => !present.has(k));
  // A mapping that takes no keys at all (`pause: {}`) is written empty.
  const none = accepted?.length === 0 ? '; this mapping takes no keys, write {}' : '';
  return keys.map((key) => {
    const hint = didYouMean(key, candidates) || (candidates.length > 0 ? `; expected one of ${quoteList(candidates)}` : none);
    return { path: [...path, key], anchor: 'key', message: `unknown key ${JSON.stringify(key)}${hint}` };
  });
}

/** Flattens zod issues into problems, keeping only the first problem for each field. */
export function problemsFromIssues(issues: readonly z.core.$ZodIssue[]): Problem[] {
  const seen = new Set<string>();
  return flatten(issues, []).filter((p) => {
    const key = JSON.stringify(p.path.map(String));
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

function flatten(issues: readonly z.core.$ZodIssue[], base: PropertyKey[]): Problem[] {
  return issues.flatMap((issue): Problem[] => {
    const path = [...base, ...issue.path];
    if (issue.code === 'invalid_union') {
      const branch = meantBranch(issue);
      if (branch) return flatten(branch, path);
    }
    if (issue.code === 'unrecognized_keys') return unknownKeyProblems(path, issue.keys, issue.input);
    return [{ path, anchor: 'value', message: issue.message }];
  });
}
