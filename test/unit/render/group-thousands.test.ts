import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { groupThousands } from "../../../lib/group-thousands.js";

describe("groupThousands", () => {
  it("prints money amounts the way en-US does", () => {
    expect(groupThousands(0)).toBe("0");
    expect(groupThousands(999)).toBe("999");
    expect(groupThousands(1000)).toBe("1,000");
    expect(groupThousands(1450)).toBe("1,450");
    expect(groupThousands(-1234567)).toBe("-1,234,567");
  });

  it("agrees with toLocaleString('en-US') for every whole number", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -1e7, max: 1e7 }), fc.maxSafeInteger(), fc.double()),
        (value) => {
          const whole = Math.round(value);
          expect(groupThousands(whole)).toBe(whole.toLocaleString("en-US"));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
