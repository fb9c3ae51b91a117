/// An in-memory terminal for tests: a settable size, a script of keys (with timeouts and
/// callbacks in between), and the last grid drawn.
///
/// When the script runs out, `readKey` returns nil and the terminal reports `isClosed`, so a
/// run loop driven by it always ends.
public final class MemoryTerminal: Terminal {
    /// One step of a script.
    public enum Step {
        case key(Key)
        /// `readKey` returns nil, as when the timeout passes with no key.
        case timeout
        /// Runs the closure (e.g. another clerk adds a ticket) and goes on to the next step
        /// within the same `readKey` call.
        case perform(() -> Void)
    }

    public private(set) var size: (rows: Int, cols: Int)
    public var hasColor: Bool
    public var supportsUnicode: Bool
    public private(set) var isClosed = false
    /// Stop (report `isClosed`) when the script is exhausted; otherwise keep timing out.
    public var closeWhenScriptEnds: Bool
    /// The last grid drawn, nil before the first `draw`.
    public private(set) var lastGrid: CellGrid?
    public private(set) var drawCount = 0
    /// Number of `readKey` calls, and the timeouts they asked for.
    public private(set) var readCount = 0
    public private(set) var requestedTimeouts: [Int] = []
    /// Times the bell rang.
    public private(set) var bellCount = 0
    private var script: [Step] = []
    private var next = 0

    public init(rows: Int = 24, cols: Int = 80, hasColor: Bool = true, supportsUnicode: Bool = true,
                closeWhenScriptEnds: Bool = true) {
        self.size = (max(0, rows), max(0, cols))
        self.hasColor = hasColor
        self.supportsUnicode = supportsUnicode
        self.closeWhenScriptEnds = closeWhenScriptEnds
    }

    public func enqueue(_ keys: Key...) { for k in keys { script.append(.key(k)) } }
    public func enqueue(_ keys: [Key]) { for k in keys { script.append(.key(k)) } }
    public func enqueue(step: Step) { script.append(step) }
    public func enqueueTimeout(_ count: Int = 1) { for _ in 0..<max(0, count) { script.append(.timeout) } }
    public func enqueue(perform: @escaping () -> Void) { script.append(.perform(perform)) }
    /// Enqueues a script of key names, e.g. `"F2 a b Enter"`.
    public func enqueue(script text: String) throws(KeyNameError) { enqueue(try Key.script(text)) }

    /// Changes the size and enqueues `.resize`, as a real terminal reports it.
    public func resize(rows: Int, cols: Int) {
        script.append(.perform { [unowned self] in self.size = (max(0, rows), max(0, cols)) })
        script.append(.key(.resize))
    }

    /// Changes the size at once, without a `.resize` key.
    public func setSize(rows: Int, cols: Int) { size = (max(0, rows), max(0, cols)) }

    public var pendingSteps: Int { script.count - next }

    public func draw(_ grid: CellGrid) {
        lastGrid = grid
        drawCount += 1
    }

    public func readKey(timeoutMs: Int) -> Key? {
        readCount += 1
        requestedTimeouts.append(timeoutMs)
        while next < script.count {
            let step = script[next]
            next += 1
            switch step {
            case .key(let k): return k
            case .timeout: return nil
            case .perform(let f): f()
            }
        }
        if closeWhenScriptEnds { isClosed = true }
        return nil
    }

    public func close() { isClosed = true }

    public func bell() { bellCount += 1 }

    /// The last grid as text rows (see `CellGrid.dump`), empty before the first draw.
    public func dump() -> [String] { lastGrid?.dump() ?? [] }
}
