/// The HTML report's stylesheet, inline in the page: system fonts only, nothing fetched.
enum HTMLReportStyle {
    static let css = """
        :root { --critical: #b71c1c; --warning: #e65100; --info: #0d47a1; --muted: #5f6368; --line: #dadce0; }
        * { box-sizing: border-box; }
        body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #202124; margin: 0 auto; max-width: 1100px; padding: 24px; }
        h1 { font-size: 24px; margin: 0; }
        h2 { font-size: 19px; border-bottom: 2px solid var(--line); padding-bottom: 4px; margin-top: 32px; }
        h3 { font-size: 16px; margin: 20px 0 8px; }
        code, pre { font: 13px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
        pre { background: #f6f8fa; border: 1px solid var(--line); border-radius: 4px; padding: 8px; overflow-x: auto; white-space: pre-wrap; word-break: break-all; }
        .source, footer, .age, .container, .pods, .symptom, time { color: var(--muted); }
        footer { margin-top: 40px; font-size: 13px; }
        .summary { display: flex; flex-wrap: wrap; align-items: center; gap: 24px; margin-top: 20px; padding: 16px; border: 1px solid var(--line); border-radius: 8px; }
        .score { display: flex; flex-direction: column; align-items: center; min-width: 110px; }
        .score .value { font-size: 44px; font-weight: 700; }
        .score.good .value { color: #1b5e20; } .score.fair .value { color: var(--warning); } .score.poor .value { color: var(--critical); }
        .score .label { font-size: 12px; color: var(--muted); text-transform: uppercase; }
        .counts { list-style: none; display: flex; flex-wrap: wrap; gap: 16px; padding: 0; margin: 0; }
        .counts .value { font-weight: 700; font-size: 20px; }
        .counts .critical .value { color: var(--critical); } .counts .warning .value { color: var(--warning); } .counts .info .value { color: var(--info); }
        .summary .text { flex-basis: 100%; margin: 0; }
        .finding { border-left: 5px solid var(--line); padding: 6px 12px; margin: 10px 0; background: #fafafa; }
        .finding.critical { border-left-color: var(--critical); } .finding.warning { border-left-color: var(--warning); } .finding.info { border-left-color: var(--info); }
        .finding p { margin: 4px 0; }
        .headline { display: flex; flex-wrap: wrap; gap: 10px; align-items: baseline; }
        .badge { color: #fff; border-radius: 3px; padding: 1px 6px; font-size: 12px; text-transform: uppercase; font-weight: 600; }
        .badge.critical { background: var(--critical); } .badge.warning { background: var(--warning); } .badge.info { background: var(--info); }
        .cause { font-weight: 500; }
        .override { font-size: 13px; color: var(--warning); }
        details { margin: 6px 0; } summary { cursor: pointer; color: var(--info); }
        details ul { margin: 4px 0; padding-left: 20px; }
        .evidence .source { display: inline-block; min-width: 56px; font-size: 12px; color: var(--muted); text-transform: uppercase; }
        table { border-collapse: collapse; width: 100%; font-size: 14px; }
        th, td { text-align: left; border-bottom: 1px solid var(--line); padding: 4px 8px; vertical-align: top; }
        .errors h2 { color: var(--warning); }
        """
}
