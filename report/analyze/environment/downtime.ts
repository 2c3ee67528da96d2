import { groupThousands } from "../../../lib/group-thousands.js";
import type { Answers } from "../../../schema/answers.js";
import type { Environment, Question } from "../../../schema/assessment.js";
import { QUESTIONS } from "./questions.js";

/** Working hours in a day when the answers do not say. */
export const DEFAULT_WORKING_HOURS_PER_DAY = 8;

/**
 * Cost of an hour of downtime: people idle (employees from the answers, else counted
 * workstations) × burdened hourly cost, plus revenue per hour. Without a cost answer the cost
 * stays undefined and becomes a question: a guessed figure would mislead the verdict.
 */
export function buildDowntime(
  answers: Answers,
  workstations: number,
  currency: string,
): { downtime: Environment["downtime"]; questions: Question[] } {
  const basis: string[] = [];
  const questions: Question[] = [];
  const money = (value: number) => `${groupThousands(Math.round(value))} ${currency}`;
  const hours = answers.workingHoursPerDay ?? DEFAULT_WORKING_HOURS_PER_DAY;
  const people = answers.employees ?? (workstations > 0 ? workstations : undefined);
  const peopleSource =
    answers.employees !== undefined ? "employees (answers.employees)" : "workstations counted on the network";

  let costPerHour: number | undefined;
  if (answers.hourlyCostPerEmployee !== undefined && people !== undefined) {
    costPerHour = people * answers.hourlyCostPerEmployee;
    basis.push(
      `${people} ${peopleSource} × ${money(answers.hourlyCostPerEmployee)} burdened cost per hour = ${money(costPerHour)} per hour`,
    );
  }
  if (answers.revenuePerHour !== undefined) {
    costPerHour = (costPerHour ?? 0) + answers.revenuePerHour;
    basis.push(
      `+ ${money(answers.revenuePerHour)} revenue per hour (answers.revenuePerHour) = ${money(costPerHour)} per hour`,
    );
  }
  const downtime: Environment["downtime"] = { currency, basis };
  if (costPerHour === undefined) {
    if (answers.hourlyCostPerEmployee === undefined) questions.push(QUESTIONS.downtimeCost);
    if (people === undefined) questions.push(QUESTIONS.employees);
    basis.push("Not computed: the cost of an hour of staff time (or revenue per hour) is not known yet.");
    return { downtime, questions };
  }
  downtime.costPerHour = Math.round(costPerHour);
  downtime.costPerDay = Math.round(costPerHour * hours);
  basis.push(
    `× ${hours} working hours${answers.workingHoursPerDay === undefined ? " (default)" : ""} = ${money(costPerHour * hours)} per working day`,
  );
  return { downtime, questions };
}
