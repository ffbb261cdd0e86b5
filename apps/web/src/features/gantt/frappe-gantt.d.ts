/** The parts of frappe-gantt 1.2 that Lattice uses (the package ships no types). */
declare module "frappe-gantt" {
  export interface FrappeTask {
    id: string;
    name: string;
    start: string;
    end: string;
    progress?: number;
    dependencies?: string;
    custom_class?: string;
    _start?: Date;
    _end?: Date;
    [key: string]: unknown;
  }
  export interface FrappeViewMode {
    name: string;
    padding?: string | string[];
    step: string;
    column_width?: number;
    date_format?: string;
    snap_at?: string;
    lower_text?: string | ((d: Date, ld: Date | null, lang: string) => string);
    upper_text?: string | ((d: Date, ld: Date | null, lang: string) => string);
    upper_text_frequency?: number;
    thick_line?: (d: Date) => boolean;
  }
  export interface PopupContext {
    task: FrappeTask;
    set_title: (html: string) => void;
    set_subtitle: (html: string) => void;
    set_details: (html: string) => void;
    add_action: (html: string, action: (task: FrappeTask) => void) => void;
  }
  export interface FrappeOptions {
    [key: string]: unknown;
    view_mode?: string;
    view_modes?: FrappeViewMode[];
    popup?: false | ((ctx: PopupContext) => string | false | undefined);
    on_date_change?: (task: FrappeTask, start: Date, end: Date) => void;
    on_click?: (task: FrappeTask) => void;
    on_double_click?: (task: FrappeTask) => void;
  }
  export default class Gantt {
    static VIEW_MODE: Record<
      "HOUR" | "QUARTER_DAY" | "HALF_DAY" | "DAY" | "WEEK" | "MONTH" | "YEAR",
      FrappeViewMode
    >;
    constructor(wrapper: HTMLElement | SVGElement | string, tasks: FrappeTask[], options?: FrappeOptions);
    tasks: FrappeTask[];
    options: FrappeOptions;
    $container: HTMLElement;
    refresh(tasks: FrappeTask[]): void;
    update_options(options: FrappeOptions): void;
    change_view_mode(mode?: string | FrappeViewMode, maintain_pos?: boolean): void;
    scroll_current(): void;
    set_scroll_position(date: string | Date): void;
    hide_popup(): void;
    // Internals that Lattice's windowing subclass overrides (see windowed-gantt.ts).
    setup_tasks(tasks: FrappeTask[]): void;
    clear(): void;
    setup_gantt_dates(refresh: boolean): void;
    get_date_info(date: Date, last: unknown): unknown;
    highlight_holidays(): void;
    make_grid_rows(): void;
    make_bars(): void;
    make_arrows(): void;
    map_arrows_on_bars(): void;
    get_bar(id: string): unknown;
    get_start_end_positions(): number[];
  }
}
