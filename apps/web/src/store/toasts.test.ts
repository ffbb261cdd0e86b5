import { afterEach, describe, expect, it } from "vitest";
import { maxToasts, toast, useToasts } from "./toasts";

afterEach(() => useToasts.setState({ toasts: [] }));

describe("toasts", () => {
  it("shows the same message once, with how many times it came", () => {
    toast.error("Could not move “A”. It is blocked.");
    toast.info("Saved");
    toast.error("Could not move “A”. It is blocked.");
    expect(useToasts.getState().toasts.map((t) => [t.message, t.count])).toEqual([
      ["Saved", 1],
      ["Could not move “A”. It is blocked.", 2],
    ]);
  });

  it("keeps only the newest few on screen", () => {
    for (let i = 0; i < maxToasts + 2; i++) toast.info(`News ${i}`);
    expect(useToasts.getState().toasts.map((t) => t.message)).toEqual(
      Array.from({ length: maxToasts }, (_, i) => `News ${i + 2}`),
    );
  });

  it("carries an Undo that runs the given change", () => {
    let undone = 0;
    toast.undoable("Archived “A”", () => {
      undone += 1;
    });
    const [shown] = useToasts.getState().toasts;
    expect(shown?.action?.label).toBe("Undo");
    shown?.action?.run();
    expect(undone).toBe(1);
  });
});
