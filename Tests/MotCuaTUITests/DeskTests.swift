import Testing
import MotCuaCore
@testable import MotCuaTUI

/// Sample data shared by the desk tests.
enum Sample {
    static let header = DeskHeader(desk: "Bộ phận Một cửa", commune: "Xã Tân Lập", counter: 3, clerk: "Nguyễn Thị Hoà",
                                   clock: "08:05 25/11/2026")

    static let serving = [
        QueueLine(ticket: "A010", name: "Trần Văn Bình", purpose: "Chứng thực bản sao", status: "Đang phục vụ · Q3",
                  waitedMinutes: 4, isMine: true),
    ]

    static let waiting = [
        QueueLine(ticket: "A013", name: "Lê Thị Mận", priority: "Người cao tuổi", purpose: "Đăng ký khai sinh", status: "Đang chờ", waitedMinutes: 12),
        QueueLine(ticket: "A011", name: "Phạm Quốc Hưng", purpose: "Xác nhận tình trạng hôn nhân", status: "Đang chờ", waitedMinutes: 41),
        QueueLine(ticket: "A012", name: "Đặng Thị Ngọc Hưởng Nguyên Khôi", purpose: "Hộ tịch", status: "Đang chờ", waitedMinutes: 25),
    ]

    static let snapshot = DeskSnapshot(waiting: waiting, serving: serving)

    static func many(_ n: Int) -> DeskSnapshot {
        var s = snapshot
        s.waiting = (0..<n).map { i in
            QueueLine(ticket: "B\(100 + i)", name: "Công dân \(i)", priority: i % 7 == 0 ? "Khuyết tật" : nil,
                      purpose: "Chứng thực", status: "Đang chờ", waitedMinutes: i)
        }
        return s
    }

    /// The queue drawn alone into an 80×24 grid, under a blank header row.
    static func queue(_ snap: DeskSnapshot, cols: Int = 80, rows: Int = 24, language: Language = .vi,
                      symbols: Symbols = .unicode) -> CellGrid {
        var g = CellGrid(rows: rows, cols: cols)
        QueueView.render(into: &g, top: 1, bottom: rows - 2, snapshot: snap, offset: 0, showFinished: false,
                         language: language, symbols: symbols)
        return g
    }
}

@Suite("Queue view")
struct QueueViewTests {
    @Test("80 columns: names get the room, statuses are never cut, priority and long waits marked")
    func columns() throws {
        let g = Sample.queue(Sample.snapshot)
        let rows = g.dump()
        #expect(rows[1].contains("Họ và tên") && rows[1].contains("Trạng thái"))
        let serving = try #require(rows.firstIndex { $0.contains("A010") })
        // Regression: the status was cut at 12 cells (`Đang phục v…`).
        #expect(rows[serving].contains("Đang phục vụ · Q3"), "\(rows[serving])")
        #expect(rows[serving].hasPrefix(" ▸A010"))
        let long = try #require(rows.firstIndex { $0.contains("A012") })
        // Regression: names were cut at 16 cells; the name now has more than 20.
        #expect(rows[long].contains("Đặng Thị Ngọc Hưởng"), "\(rows[long])")
        let priority = try #require(rows.firstIndex { $0.contains("A013") })
        #expect(g[priority, 1].style.role == .priority)
        let late = try #require(rows.firstIndex { $0.contains("A011") })
        #expect(rows[late].hasSuffix("!41 ph"))
        #expect(g[late, 78].style.role == .warning)
        for r in rows { #expect(CellWidth.of(r) <= 80) }
    }

    @Test("a long queue shows how many more; ASCII symbols on a terminal without Unicode")
    func longQueue() {
        let rows = Sample.queue(Sample.many(40)).dump()
        #expect(rows.contains { $0.contains("Đang chờ (40)") })
        #expect(rows.contains { $0.contains("… và") && $0.contains("người nữa") })
        let ascii = Sample.queue(Sample.many(40), symbols: .ascii).dump()
        #expect(ascii.contains { $0.contains("... và") })
        #expect(ascii.contains { $0.hasPrefix(" >A010") })
    }

    @Test("English")
    func english() {
        let rows = Sample.queue(Sample.snapshot, language: .en).dump()
        #expect(rows.contains { $0.contains("Waiting (3)") })
        #expect(rows.contains { $0.contains("Serving · Q3") || $0.contains("Đang phục vụ · Q3") })
    }
}

@Suite("Shell chrome")
struct ShellChromeTests {
    func header(cols: Int, _ h: DeskHeader = Sample.header) -> String {
        var g = CellGrid(rows: 1, cols: cols)
        ShellChrome.renderHeader(into: &g, header: h, language: .vi, symbols: .unicode)
        return g.rowText(0)
    }

    @Test("a long clerk name is shortened: the commune stays and no separator dangles")
    func longClerk() {
        var h = Sample.header
        h.inputMethod = "Telex"
        h.clerk = "Nguyễn Thị Hồng Nhung Phương Thảo Linh"
        let line = header(cols: 80, h)
        #expect(line.contains("Xã Tân Lập") && line.contains("Quầy 3") && line.contains("Cán bộ: Nguyễn"), "\(line)")
        #expect(!line.hasPrefix("  ·") && !line.hasPrefix(" ·"), "\(line)")
    }

    @Test("80 columns show the commune (the desk's name is shortened first); 120 do not repeat it")
    func headerCommune() {
        var h = Sample.header
        h.inputMethod = "Telex"
        h.desk = "Bộ phận Tiếp nhận và Trả kết quả"
        let narrow = header(cols: 80, h)
        #expect(narrow.contains("Xã Tân Lập"), "\(narrow)")
        #expect(narrow.contains("Quầy 3") && narrow.hasSuffix("08:05 25/11/2026"))
        #expect(narrow.hasPrefix(" Bộ p"))
        // A desk name that already names the commune does not get it twice, and at 80 columns
        // its commune end is what stays (the demo's "Trung tâm … xã Tân Phú").
        h.desk = "Trung tâm Phục vụ hành chính công xã Tân Lập"
        let wide = header(cols: 120, h)
        #expect(wide.components(separatedBy: "Tân Lập").count == 2, "\(wide)")
        #expect(wide.hasPrefix(" Trung tâm Phục vụ hành chính công xã Tân Lập · Quầy 3"), "\(wide)")
        let narrowNamed = header(cols: 80, h)
        #expect(narrowNamed.contains("xã Tân Lập · Quầy 3"), "\(narrowNamed)")
        #expect(narrowNamed.components(separatedBy: "Tân Lập").count == 2)
        #expect(CellWidth.of(narrow) <= 80 && CellWidth.of(narrowNamed) <= 80)
    }

    @Test("the key bar gets compact before dropping items; quit stays")
    func keyBar() {
        var g = CellGrid(rows: 2, cols: 40)
        let items = (1...9).map { (key: "F\($0)", label: "Nhãn \($0)") } + [(key: "F10", label: "Thoát")]
        ShellChrome.renderKeyBar(into: &g, items: items)
        #expect(g.rowText(1).hasSuffix("Thoát"))
        #expect(g[1, 0].style.role == .keyBar)
    }

    @Test("too small: 60×20 asks for 80×24", arguments: [Language.vi, .en])
    func tooSmall(language: Language) {
        var g = CellGrid(rows: 20, cols: 60)
        ShellChrome.renderTooSmall(into: &g, language: language)
        let text = g.dump().joined(separator: "\n")
        #expect(text.contains("Cửa sổ quá nhỏ — hãy phóng to tối thiểu 80×24"))
        #expect(text.contains("Window too small") == (language == .en))
    }
}

/// A screen standing in for the queue, to drive the shell alone.
final class FakeScreen: Screen {
    var keyContext: KeyContext = .queue
    var implementedActions: Set<Action> = [.queueCallNext, .cursorDown, .cursorUp]
    var barActions: [Action] = [.help, .queueCallNext, .queueDone, .quit]
    var lines = ["Hàng chờ giả"]
    var performed: [Action] = []
    var refreshes = 0

    func perform(_ action: Action, host: ScreenHost) -> Bool {
        performed.append(action)
        if action == .queueCallNext { host.say("Mời số A001") }
        return true
    }
    func render(into g: inout CellGrid, top: Int, bottom: Int, host: ScreenHost) {
        for (i, l) in lines.enumerated() where top + i < bottom { g.put(row: top + i, col: 1, text: l) }
    }
    func refresh(host: ScreenHost) { refreshes += 1 }
}

@Suite("Shell run loop")
struct ShellRunTests {
    final class Store {
        var version = 0
        var seen = 0
        func changed() -> Bool { defer { seen = version }; return version != seen }
    }

    static func shell(_ term: MemoryTerminal, _ screen: FakeScreen = FakeScreen(), keymap: Keymap = .standard,
                      changes: @escaping () -> Bool = { false }) -> Shell {
        var roots = RootViews()
        roots.register(.viewQueue) { screen }
        roots.register(.viewDossiers) { FakeScreen() }
        return Shell(terminal: term, language: .vi, keymap: keymap, roots: roots, home: .viewQueue,
                     header: { Sample.header }, changes: changes)
    }

    @Test("quits on F10 and on q")
    func quit() {
        for key in [Key.function(10), .character("q")] {
            let term = MemoryTerminal()
            term.enqueue(key, .character("x")) // x is never read
            Self.shell(term).run()
            #expect(term.pendingSteps == 1)
            #expect(term.requestedTimeouts == [1000])
        }
    }

    @Test("a change is picked up on the next timeout; an unchanged timeout neither reloads nor redraws")
    func changes() {
        let term = MemoryTerminal()
        let store = Store()
        let screen = FakeScreen()
        term.enqueueTimeout(3)
        term.enqueue(perform: { store.version += 1; screen.lines = ["Vũ Minh Châu"] })
        term.enqueueTimeout()
        term.enqueue(perform: { #expect(term.dump().contains { $0.contains("Vũ Minh Châu") }) })
        term.enqueue(.function(10))
        Self.shell(term, screen, changes: { store.changed() }).run()
        #expect(screen.refreshes == 1)
        #expect(term.drawCount == 2)
    }

    @Test("resize to small shows the message and ignores keys; back to 80×24 shows the screen")
    func resize() {
        let term = MemoryTerminal()
        let screen = FakeScreen()
        term.resize(rows: 20, cols: 60)
        term.enqueue(perform: { #expect(term.dump().joined().contains("Cửa sổ quá nhỏ")) })
        term.enqueue(.function(5))
        term.resize(rows: 24, cols: 80)
        term.enqueue(perform: { #expect(term.dump().contains { $0.contains("Hàng chờ giả") }) })
        term.enqueue(.function(10))
        Self.shell(term, screen).run()
        #expect(screen.performed.isEmpty)
        #expect(term.pendingSteps == 0)
    }

    @Test("help lists what is bound and implemented, spells Alt/Ctrl/Shift+Tab, and closes with Esc")
    func help() {
        let term = MemoryTerminal()
        let shell = Self.shell(term)
        shell.start()
        shell.handle(.function(1))
        let text = shell.currentGrid().dump().joined(separator: "\n")
        #expect(text.contains("Trợ giúp — Hàng chờ"))
        #expect(text.contains("Gọi số tiếp theo"))            // implemented by the screen
        #expect(text.contains("Thoát chương trình"))           // the shell's own
        #expect(!text.contains("Đã phục vụ xong"))             // F7 is bound but not implemented here
        #expect(!text.contains("Hoàn tác"))                    // undo: not in this branch
        #expect(text.contains("Alt+x viết là M-x"))
        #expect(text.contains("Alt+3"))                         // M-3, view.dossiers, spelled for people
        #expect(!text.contains("Alt+2"))                        // view.appointments is not registered: inert
        shell.handle(.escape)
        #expect(!shell.isShowingHelp)
    }

    @Test("the key bar shows only bound and implemented actions")
    func keyBar() {
        let shell = Self.shell(MemoryTerminal())
        shell.start()
        let bar = shell.currentGrid().rowText(23)
        #expect(bar == "F1 Trợ giúp  F5 Gọi số  F10 Thoát")
    }

    @Test("a bound key the screen does not implement is inert (and not in help); an implemented one works")
    func inert() {
        let screen = FakeScreen()
        let shell = Self.shell(MemoryTerminal(), screen)
        shell.start()
        shell.handle(.function(7))
        #expect(shell.lastKeyWasInert)
        #expect(shell.message == nil)
        shell.handle(.function(5))
        #expect(!shell.lastKeyWasInert)
        #expect(screen.performed == [.queueCallNext])
        #expect(shell.message == "Mời số A001")
        shell.handle(.down)
        #expect(shell.message == nil) // a message lasts until the next key
    }

    @Test("a non-UTF-8 terminal is reported and gets ASCII symbols")
    func noUnicode() {
        let term = MemoryTerminal(supportsUnicode: false)
        let shell = Self.shell(term)
        shell.start()
        #expect(shell.symbols == .ascii)
        #expect(shell.currentGrid().rowText(22).contains("UTF-8"))
    }

    @Test("the keymap decides help and quit; F10 quits even when a keymap forgot it")
    func customKeymap() {
        let (map, diags) = Keymap.parse("bind queue h help\nbind queue x quit\n", file: "t.keys")
        #expect(diags.isEmpty)
        let term = MemoryTerminal()
        let shell = Self.shell(term, keymap: map)
        term.enqueue(.character("q"), .function(1)) // unbound in this keymap
        term.enqueue(perform: { #expect(!shell.isShowingHelp) })
        term.enqueue(.character("h"))
        term.enqueue(perform: { #expect(shell.isShowingHelp) })
        term.enqueue(.escape, .character("x"), .character("n"))
        shell.run()
        #expect(term.pendingSteps == 1)
        #expect(term.dump()[23] == "h Trợ giúp  x Thoát")

        let term2 = MemoryTerminal()
        term2.enqueue(.function(10), .character("n"))
        Self.shell(term2, keymap: Keymap()).run()
        #expect(term2.pendingSteps == 1)
    }

    @Test("a start-up message shows until the next key; a run ends when the terminal closes")
    func message() {
        let term = MemoryTerminal()
        term.enqueue(perform: { #expect(term.dump()[22].contains("keys:3: unknown action")) })
        term.enqueue(.down)
        term.enqueue(perform: { #expect(!term.dump()[22].contains("unknown action")) })
        let shell = Self.shell(term)
        shell.say("keys:3: unknown action 'x'", warning: true)
        shell.run()
        #expect(term.isClosed)
    }

    @Test("thousands of random keys and resizes never crash", arguments: [1, 2, 3])
    func fuzz(seed: UInt64) {
        var rng = SeededRandom(state: seed)
        let term = MemoryTerminal()
        let named: [Key] = [.enter, .escape, .tab, .backTab, .up, .down, .left, .right, .pageUp, .pageDown,
                            .home, .end, .insert, .delete, .backspace, .unknown, .resize]
        let chars: [Character] = ["a", "?", "/", " ", "ễ", "Đ", "中", "😀", "\u{0301}", "0", "z", "t"]
        for _ in 0..<3000 {
            switch Int.random(in: 0..<40, using: &rng) {
            case 0: term.resize(rows: Int.random(in: 0...60, using: &rng), cols: Int.random(in: 0...200, using: &rng))
            case 1: term.enqueueTimeout()
            default:
                let k: Key
                switch Int.random(in: 0..<5, using: &rng) {
                case 0: k = named.randomElement(using: &rng) ?? .unknown
                case 1: k = .function(Int.random(in: 0...30, using: &rng))
                case 2: k = .ctrl(Character(Unicode.Scalar(UInt8.random(in: 97...122, using: &rng))))
                case 3: k = .meta(chars.randomElement(using: &rng) ?? "x")
                default: k = .character(chars.randomElement(using: &rng) ?? "x")
                }
                if k == .function(10) { continue } // keep the loop running
                term.enqueue(k)
            }
        }
        var polls = 0
        Self.shell(term, changes: { polls += 1; return polls % 3 == 0 }).run()
        #expect(term.isClosed)
        #expect(term.pendingSteps == 0)
    }
}
