import Foundation
import MotCuaCore
import MotCuaStore

/// The waiting-room display's loop: it waits on a key or a change (the same wake-up as the
/// shell), reloads the calls, queues the new ones (`AnnouncementQueue`: each once, in order,
/// none from before the start) and hands them one at a time to the speaker while it redraws.
/// It has no keymap of its own: q, Esc and F10 quit (there is nothing else to do on it).
public final class DisplayApp {
    public let terminal: Terminal
    public let language: Language
    public let ascii: Bool
    public var changeWake: ChangeWake?
    /// Between looks when there is no watcher (fast enough for a call to show within 0.5 s).
    public var pollIntervalMs = 400
    /// Between looks while calls are waiting to be spoken.
    public var speechPollMs = 100
    public private(set) var data: DisplayData?
    public private(set) var queue = AnnouncementQueue()
    public private(set) var isRunning = false

    private let speaker: CallSpeaker
    private let load: () -> DisplayData?
    private let changes: () -> Bool
    private let title: () -> String
    private let clock: () -> String
    private var needsDraw = true
    private var shownNotice: Localized?

    /// - Parameters:
    ///   - load: the latest calls and the waiting count (nil when the store cannot be read).
    ///   - changes: whether the data changed since the last look (also once a minute, for the clock).
    public init(terminal: Terminal, language: Language, ascii: Bool, speaker: CallSpeaker,
                title: @escaping () -> String, clock: @escaping () -> String,
                load: @escaping () -> DisplayData?, changes: @escaping () -> Bool) {
        self.terminal = terminal; self.language = language; self.ascii = ascii || !terminal.supportsUnicode
        self.speaker = speaker; self.title = title; self.clock = clock; self.load = load; self.changes = changes
    }

    /// Loads what is on the screen now; those calls are history, not announced.
    public func start() {
        _ = changes()
        data = load()
        queue.start(with: data?.calls ?? [])
        needsDraw = true
    }

    public func run() {
        isRunning = true
        start()
        while isRunning && !terminal.isClosed {
            if needsDraw { draw() }
            let speaking = speaker.isBusy || !queue.pending.isEmpty
            let timeout = speaking ? speechPollMs : (changeWake?.timeoutMs() ?? pollIntervalMs)
            if let key = terminal.readKey(timeoutMs: timeout, wakeOn: changeWake?.fileDescriptor) {
                handle(key)
            } else {
                changeWake?.woke()
            }
            poll()
        }
        isRunning = false
        // A call still being said must not outlive the display (an orphaned or hung speaker).
        speaker.stop()
    }

    public func handle(_ key: Key) {
        switch key {
        case .character("q"), .character("Q"), .escape, .function(10): isRunning = false
        default: needsDraw = true // a resize, or anything: redraw
        }
    }

    /// Reloads on a change, queues new calls and speaks the next when the speaker is free.
    public func poll() {
        if changes() {
            if let d = load() {
                data = d
                queue.receive(d.calls)
            } else {
                data = nil
            }
            needsDraw = true
        }
        if !speaker.isBusy, let next = queue.next() { speaker.announce(next) }
        if speaker.notice != shownNotice {
            shownNotice = speaker.notice
            needsDraw = true
        }
    }

    public func currentGrid() -> CellGrid {
        let (rows, cols) = terminal.size
        var g = CellGrid(rows: rows, cols: cols)
        // Speech that fails is said on the top line, for the staff (the bell rings meanwhile).
        let top = [title(), speaker.notice?.text(language)].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " — ")
        DisplayView.render(data, title: top, clock: clock(), language: language, ascii: ascii, into: &g)
        return g
    }

    private func draw() {
        terminal.draw(currentGrid())
        needsDraw = false
    }
}
