/// A terminal the screens draw on and read keys from. Two backends: `NcursesTerminal` (the
/// real thing) and `MemoryTerminal` (tests). Screens render into a `CellGrid` and hand it over
/// whole; the backend works out what changed.
public protocol Terminal: AnyObject {
    /// Current size in cells.
    var size: (rows: Int, cols: Int) { get }
    /// Colours usable (false on a monochrome terminal or when NO_COLOR is set): roles then
    /// fall back to bold/reverse.
    var hasColor: Bool { get }
    /// The terminal can show Vietnamese (a UTF-8 locale). When false the backend prints text
    /// without diacritics and screens should say so.
    var supportsUnicode: Bool { get }
    /// True once the terminal is gone (closed, or a test script ran out): loops must stop.
    var isClosed: Bool { get }
    /// Show `grid` (cells beyond the terminal's size are clipped).
    func draw(_ grid: CellGrid)
    /// The next key, waiting at most `timeoutMs` (negative: wait forever). Nil on timeout.
    /// `.resize` is delivered as a key after the terminal changed size.
    func readKey(timeoutMs: Int) -> Key?
    /// As `readKey(timeoutMs:)`, but also returns nil as soon as `wakeOn` (a file descriptor,
    /// e.g. `ChangeWatcher`'s) turns readable: a key or a change, whichever comes first.
    func readKey(timeoutMs: Int, wakeOn descriptor: Int32?) -> Key?
    /// Rings the terminal's bell (the waiting room's call when nothing can speak).
    func bell()
}

extension Terminal {
    public var supportsUnicode: Bool { true }
    /// A backend that cannot watch a descriptor waits for a key only; the caller's timeout
    /// (the change poll) still brings changes.
    public func readKey(timeoutMs: Int, wakeOn descriptor: Int32?) -> Key? { readKey(timeoutMs: timeoutMs) }
    public func bell() {}
}
