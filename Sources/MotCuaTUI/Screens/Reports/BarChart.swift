/// Horizontal bars for the reports view: whole cells of `█` and the last cell in eighths
/// (`▏▎▍▌▋▊▉`), so close figures still differ; `#` per whole cell where the terminal cannot
/// show Unicode (`Symbols.ascii`).
enum BarChart {
    static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A bar `value / maximum` of `width` cells; a value above zero always shows something.
    static func bar(_ value: Int, maximum: Int, width: Int, unicode: Bool) -> String {
        guard value > 0, maximum > 0, width > 0 else { return "" }
        let v = min(value, maximum)
        if !unicode {
            let cells = max(1, Int((Double(v * width) / Double(maximum)).rounded()))
            return String(repeating: "#", count: cells)
        }
        let units = max(1, v * width * 8 / maximum)
        return String(repeating: "█", count: units / 8) + eighths[units % 8]
    }
}
