import type { Answers } from "../../../schema/answers.js";
import type { Environment, Question } from "../../../schema/assessment.js";
import { QUESTIONS } from "./questions.js";

/** Industries with legal duties for data protection and record keeping. */
export const REGULATED_INDUSTRIES = [
  "medical",
  "dental",
  "legal",
  "finance",
  "accounting",
  "insurance",
] as const;

type Business = Pick<Environment, "employees" | "support" | "industry" | "regulated">;

/** Employees, current support, industry and whether it is regulated: answers only. */
export function buildBusiness(answers: Answers): { business: Business; questions: Question[] } {
  const business: Business = {};
  const questions: Question[] = [];
  if (answers.employees !== undefined) business.employees = answers.employees;
  else questions.push(QUESTIONS.employees);
  if (answers.currentSupport) business.support = answers.currentSupport;
  else questions.push(QUESTIONS.currentSupport);
  if (answers.industry) {
    business.industry = answers.industry;
    business.regulated = (REGULATED_INDUSTRIES as readonly string[]).includes(answers.industry);
  } else {
    questions.push(QUESTIONS.industry);
  }
  return { business, questions };
}
