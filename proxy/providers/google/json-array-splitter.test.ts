import { describe, expect, it } from "vitest";
import { JsonArraySplitter } from "./json-array-splitter";

describe("JsonArraySplitter", () => {
  it("yields each top-level element once it is complete, strings and nesting respected", () => {
    const splitter = new JsonArraySplitter();
    expect(splitter.push('[{"a":"}]\\"{",')).toEqual([]);
    expect(splitter.push('"b":[1,{"c":2}]}')).toEqual(['{"a":"}]\\"{","b":[1,{"c":2}]}']);
    expect(splitter.push('\r\n,\r\n{"d":true}]')).toEqual(['{"d":true}']);
  });

  it("treats a bare object as a one-element document", () => {
    expect(new JsonArraySplitter().push('  {"error":{"code":429}}')).toEqual(['{"error":{"code":429}}']);
  });

  it("yields nothing for an element that never closes", () => {
    const splitter = new JsonArraySplitter();
    expect(splitter.push('[{"a":1},{"b":')).toEqual(['{"a":1}']);
    expect(splitter.push("")).toEqual([]);
  });
});
