/// Every non-letter symbol the screens draw, in one place, in a Unicode and an ASCII set. A
/// terminal in a non-UTF-8 locale (`LANG=C`, an old console) cannot show `▸`, `…` or box lines,
/// so the shell picks the set from `Terminal.supportsUnicode` and screens draw `host.symbols`.
public struct Symbols: Hashable, Sendable {
    /// Marks this counter's own ticket in the queue.
    public let pointer: String
    public let ellipsis: String
    public let horizontal: String
    public let vertical: String
    public let topLeft: String, topRight: String, bottomLeft: String, bottomRight: String
    public let left: String, right: String
    public let up: String, down: String
    /// The Left and Right arrow keys, in hints.
    public let leftKey: String, rightKey: String
    public let dash: String
    public let dot: String

    public static let unicode = Symbols(pointer: "▸", ellipsis: "…", horizontal: "─", vertical: "│",
                                        topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
                                        left: "◀", right: "▶", up: "↑", down: "↓", leftKey: "←", rightKey: "→",
                                        dash: "—", dot: "·")
    public static let ascii = Symbols(pointer: ">", ellipsis: "...", horizontal: "-", vertical: "|",
                                      topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
                                      left: "<", right: ">", up: "^", down: "v", leftKey: "<-", rightKey: "->",
                                      dash: "-", dot: ".")

    public static func forTerminal(supportsUnicode: Bool) -> Symbols { supportsUnicode ? .unicode : .ascii }

    /// The ASCII stand-in for one Unicode symbol (for the ncurses backend's last-resort fold of
    /// text drawn by code that does not know the terminal, e.g. `CellWidth.truncate`'s `…`).
    /// Nil when `symbol` is not one of the set. A cut-off (`…`, one cell) becomes `~`: a `.`
    /// would read as the ASCII set's separator dot, and `...` does not fit its one cell.
    public static func asciiFallback(_ symbol: String) -> String? {
        let u = Symbols.unicode, a = Symbols.ascii
        let pairs: [(String, String)] = [
            (u.pointer, a.pointer), (u.ellipsis, "~"), (u.horizontal, a.horizontal), (u.vertical, a.vertical),
            (u.topLeft, a.topLeft), (u.topRight, a.topRight), (u.bottomLeft, a.bottomLeft),
            (u.bottomRight, a.bottomRight), (u.left, a.left), (u.right, a.right), (u.up, a.up), (u.down, a.down), (u.leftKey, "<"), (u.rightKey, ">"),
        ]
        return pairs.first { $0.0 == symbol }?.1
    }
}
