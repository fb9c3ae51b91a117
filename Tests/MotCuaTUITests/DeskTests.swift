import Testing
import MotCuaCore
@testable import MotCuaTUI

/// Sample data shared by the desk tests.
enum Sample {
    static let header = DeskHeader(desk: "UBND xã Tân Lập", counter: 3, clerk: "Nguyễn Thị Hoà", clock: "08:05 25/11/2026")

    static let serving = [
        QueueLine(ticket: "A010", name: "Trần Văn Bình", purpose: "Chứng thực bản sao", status: "Đang phục vụ", waitedMinutes: 4),
    ]

    static let waiting = [
        QueueLine(ticket: "A013", name: "Lê Thị Mận", priority: "Người cao tuổi", purpose: "Đăng ký khai sinh", status: "Đang chờ", waitedMinutes: 12),
        QueueLine(ticket: "A011", name: "Phạm Quốc Hưng", purpose: "Xác nhận tình trạng hôn nhân", status: "Đang chờ", waitedMinutes: 41),
        QueueLine(ticket: "A012", name: "Đặng Thị Ngọc Hưởng Nguyên Khôi", purpose: "Hộ tịch", status: "Đang chờ", waitedMinutes: 25),
    ]

    static let snapshot = DeskSnapshot(header: header, waiting: waiting, serving: serving)

    static func many(_ n: Int) -> DeskSnapshot {
        var s = snapshot
        s.waiting = (0..<n).map { i in
            QueueLine(ticket: "B\(100 + i)", name: "Công dân \(i)", priority: i % 7 == 0 ? "Khuyết tật" : nil,
                      purpose: "Chứng thực", status: "Đang chờ", waitedMinutes: i)
        }
        return s
    }
}

@Suite("Desk screen rendering")
struct DeskRenderTests {
    @Test("80×24: header, priority row, long wait, key bar")
    func screen80x24() throws {
        let g = DeskApp.render(snapshot: Sample.snapshot, size: (24, 80), language: .vi)
        let rows = g.dump()
        #expect(rows.count == 24)
        #expect(rows[0].contains("UBND xã Tân Lập"))
        #expect(rows[0].contains("Quầy 3"))
        #expect(rows[0].contains("Nguyễn Thị Hoà"))
        #expect(rows[0].hasSuffix("08:05 25/11/2026"))
        #expect(rows[1].contains("Họ và tên"))
        #expect(rows.contains { $0.contains("Đang phục vụ (1)") })
        #expect(rows.contains { $0.contains("Đang chờ (3)") })

        let priorityRow = try #require(rows.firstIndex { $0.contains("A013") })
        #expect(rows[priorityRow].contains("Lê Thị Mận"))
        #expect(rows[priorityRow].contains("Người cao tuổi"))
        #expect(g[priorityRow, 1].style.role == .priority)
        #expect(g[priorityRow, 1].style.isBold)

        let longRow = try #require(rows.firstIndex { $0.contains("A011") })
        #expect(rows[longRow].hasSuffix("!41 ph"))
        #expect(g[longRow, 78].style.role == .warning)
        let normalRow = try #require(rows.firstIndex { $0.contains("A012") })
        #expect(rows[normalRow].hasSuffix("25 ph"))
        #expect(!rows[normalRow].contains("!"))
        #expect(rows[normalRow].contains("…")) // the long name was cut with an ellipsis

        #expect(rows[23] == "F1 Trợ giúp  F10 Thoát")
        #expect(g[23, 0].style.role == .keyBar)
        #expect(rows[22].contains("quá 30 phút"))
        // Every row fits in 80 cells.
        for r in rows { #expect(CellWidth.of(r) <= 80) }
    }

    @Test("the whole 80×24 screen, as text")
    func fullDump() {
        let rows = DeskApp.render(snapshot: Sample.snapshot, size: (24, 80), language: .vi).dump()
        let expected = [
            " UBND xã Tân Lập · Quầy 3 · Cán bộ: Nguyễn Thị Hoà             08:05 25/11/2026",
            " Số    Họ và tên        Ưu tiên          Thủ tục           Trạng thái     Đã chờ",
            " Đang phục vụ (1)",
            " A010  Trần Văn Bình                     Chứng thực bản s… Đang phục vụ     4 ph",
            "",
            " Đang chờ (3)",
            " A013  Lê Thị Mận       Người cao tuổi   Đăng ký khai sinh Đang chờ        12 ph",
            " A011  Phạm Quốc Hưng                    Xác nhận tình tr… Đang chờ       !41 ph",
            " A012  Đặng Thị Ngọc H…                  Hộ tịch           Đang chờ        25 ph",
        ] + Array(repeating: "", count: 13) + [" ! đã chờ quá 30 phút", "F1 Trợ giúp  F10 Thoát"]
        #expect(rows == expected, Comment(rawValue: "\n" + rows.joined(separator: "\n")))
    }

    @Test("English")
    func english() {
        let rows = DeskApp.render(snapshot: Sample.snapshot, size: (24, 80), language: .en).dump()
        #expect(rows[0].contains("Counter 3"))
        #expect(rows[0].contains("Clerk: Nguyễn Thị Hoà"))
        #expect(rows.contains { $0.contains("Waiting (3)") })
        #expect(rows[23] == "F1 Help  F10 Quit")
    }

    @Test("too small: 60×20 asks for 80×24", arguments: [Language.vi, .en])
    func tooSmall(language: Language) {
        let g = DeskApp.render(snapshot: Sample.snapshot, size: (20, 60), language: language)
        let text = g.dump().joined(separator: "\n")
        #expect(text.contains("Cửa sổ quá nhỏ — hãy phóng to tối thiểu 80×24"))
        #expect(text.contains("Window too small") == (language == .en))
        #expect(!text.contains("A013"))
        #expect(g.rows == 20 && g.cols == 60)
    }

    @Test("tiny and odd sizes render without trapping", arguments: [(0, 0), (1, 1), (2, 5), (24, 79), (23, 80), (5, 200), (200, 300), (-1, 10)])
    func oddSizes(rows: Int, cols: Int) {
        let g = DeskApp.render(snapshot: Sample.snapshot, size: (rows, cols), language: .vi)
        #expect(g.rows == max(0, rows) && g.cols == max(0, cols))
        for r in g.dump() { #expect(CellWidth.of(r) <= max(0, cols)) }
    }

    @Test("a long queue shows how many more")
    func longQueue() {
        let rows = DeskApp.render(snapshot: Sample.many(40), size: (24, 80), language: .vi).dump()
        #expect(rows.contains { $0.contains("Đang chờ (40)") })
        #expect(rows.contains { $0.contains("… và") && $0.contains("người nữa") })
        #expect(rows[23] == "F1 Trợ giúp  F10 Thoát")
    }

    @Test("no data yet: header bar and key bar still drawn")
    func noSnapshot() {
        let rows = DeskApp.render(snapshot: nil, size: (24, 80), language: .vi).dump()
        #expect(rows[23] == "F1 Trợ giúp  F10 Thoát")
    }

    @Test("help lists the keys in force from the keymap")
    func help() {
        var st = DeskViewState()
        st.showHelp = true
        let rows = DeskApp.render(snapshot: Sample.snapshot, size: (24, 80), language: .vi, state: st).dump()
        #expect(rows[1].contains("Trợ giúp"))
        #expect(rows.contains { $0.contains("F10, q") && $0.contains("Thoát chương trình") })
        #expect(rows.contains { $0.contains("F5") && $0.contains("Gọi số tiếp theo") })
    }
}

@Suite("Desk run loop")
struct DeskRunTests {
    final class Store {
        var snapshot = Sample.snapshot
        var version = 0
        var seen = 0
        var loads = 0
        func load() -> DeskSnapshot? { loads += 1; seen = version; return snapshot }
        func changed() -> Bool { version != seen }
    }

    func app(_ term: MemoryTerminal, _ store: Store, language: Language = .vi) -> DeskApp {
        DeskApp(terminal: term, language: language, load: { store.load() }, hasChanged: { store.changed() })
    }

    @Test("quits on F10")
    func quitF10() {
        let term = MemoryTerminal()
        term.enqueue(.function(10), .character("x")) // x is never read
        let store = Store()
        app(term, store).run()
        #expect(term.pendingSteps == 1)
        #expect(!term.isClosed)
        #expect(term.dump()[23] == "F1 Trợ giúp  F10 Thoát")
        #expect(term.requestedTimeouts == [1000])
    }

    @Test("quits on q")
    func quitQ() {
        let term = MemoryTerminal()
        term.enqueue(.character("q"), .character("x"))
        app(term, Store()).run()
        #expect(term.pendingSteps == 1)
    }

    @Test("another clerk's ticket appears after the next timeout")
    func reloadOnChange() throws {
        let term = MemoryTerminal()
        let store = Store()
        term.enqueueTimeout()
        term.enqueue(perform: {
            store.snapshot.waiting.append(QueueLine(ticket: "A014", name: "Vũ Minh Châu", purpose: "Chứng thực",
                                                    status: "Đang chờ", waitedMinutes: 0))
            store.version += 1
        })
        term.enqueueTimeout()
        term.enqueue(perform: {
            #expect(term.dump().contains { $0.contains("A014") && $0.contains("Vũ Minh Châu") })
        })
        term.enqueue(.function(10))
        let a = app(term, store)
        a.run()
        #expect(store.loads == 2) // first load, then one reload: the unchanged timeout did not reload
        #expect(a.loadCount == 2)
        #expect(term.dump().contains { $0.contains("Đang chờ (4)") })
    }

    @Test("idle timeouts do not redraw")
    func idleNoRedraw() {
        let term = MemoryTerminal()
        term.enqueueTimeout(5)
        term.enqueue(.function(10))
        app(term, Store()).run()
        #expect(term.drawCount == 1)
    }

    @Test("resize to small shows the message, back to 80×24 shows the queue")
    func resize() {
        let term = MemoryTerminal()
        term.resize(rows: 20, cols: 60)
        term.enqueue(perform: {
            #expect(term.dump().joined().contains("Cửa sổ quá nhỏ"))
            #expect(term.lastGrid?.cols == 60)
        })
        term.enqueue(.function(5)) // ignored while too small
        term.resize(rows: 24, cols: 80)
        term.enqueue(perform: { #expect(term.dump().contains { $0.contains("A013") }) })
        term.enqueue(.function(10))
        app(term, Store()).run()
        #expect(term.pendingSteps == 0)
        #expect(term.lastGrid?.cols == 80)
    }

    @Test("help opens with F1 and closes with Esc")
    func help() {
        let term = MemoryTerminal()
        term.enqueue(.function(1))
        term.enqueue(perform: { #expect(term.dump()[1].contains("Trợ giúp")) })
        term.enqueue(.escape)
        term.enqueue(perform: { #expect(term.dump()[1].contains("Họ và tên")) })
        term.enqueue(.function(10))
        app(term, Store()).run()
    }

    @Test("a failed load keeps the screen and says so, then recovers")
    func failedLoad() {
        let term = MemoryTerminal()
        var fail = true
        var version = 0
        term.enqueue(perform: { #expect(term.dump()[22].contains("Không đọc được dữ liệu")) })
        term.enqueueTimeout()
        term.enqueue(perform: { #expect(term.dump().contains { $0.contains("A013") }) })
        term.enqueue(.function(10))
        let a = DeskApp(terminal: term, load: {
            defer { fail = false; version += 1 }
            return fail ? nil : Sample.snapshot
        }, hasChanged: { false })
        a.run()
        #expect(a.snapshot != nil)
    }

    @Test("the clock closure refreshes the header on timeouts")
    func clock() {
        let term = MemoryTerminal()
        var t = 0
        term.enqueueTimeout()
        term.enqueue(perform: { #expect(term.dump()[0].hasSuffix("08:01")) })
        term.enqueue(.function(10))
        DeskApp(terminal: term, load: { Sample.snapshot }, hasChanged: { false },
                clock: { t += 1; return t < 2 ? "08:00" : "08:01" }).run()
    }

    @Test("a non-UTF-8 terminal is reported in the status line")
    func noUnicode() {
        let term = MemoryTerminal(supportsUnicode: false)
        term.enqueue(.function(10))
        app(term, Store()).run()
        #expect(term.dump()[22].contains("UTF-8"))
    }

    @Test("scrolling a long queue with PgDn and End")
    func scrolling() {
        let term = MemoryTerminal()
        let store = Store()
        store.snapshot = Sample.many(40)
        term.enqueue(.pageDown)
        term.enqueue(perform: { #expect(!term.dump().contains { $0.contains("B100") }) })
        term.enqueue(.end)
        term.enqueue(perform: { #expect(term.dump().contains { $0.contains("B139") }) })
        term.enqueue(.home)
        term.enqueue(perform: { #expect(term.dump().contains { $0.contains("B100") }) })
        term.enqueue(.function(10))
        app(term, store).run()
    }

    @Test("a run ends when the terminal closes (script exhausted)")
    func endsWhenClosed() {
        let term = MemoryTerminal()
        term.enqueue(.down, .up, .character("z"))
        app(term, Store()).run()
        #expect(term.isClosed)
    }
}

@Suite("Key fuzz")
struct KeyFuzzTests {
    typealias SplitMix = SeededRandom

    static func randomKey(_ rng: inout SplitMix) -> Key {
        let named: [Key] = [.enter, .escape, .tab, .backTab, .up, .down, .left, .right, .pageUp, .pageDown,
                            .home, .end, .insert, .delete, .backspace, .unknown, .resize]
        let chars: [Character] = ["a", "q", "?", "/", " ", "ễ", "Đ", "中", "😀", "\u{0301}", "0", "z"]
        switch Int.random(in: 0..<6, using: &rng) {
        case 0: return named.randomElement(using: &rng) ?? .unknown
        case 1: return .function(Int.random(in: 0...30, using: &rng)) // includes out-of-range numbers
        case 2: return .ctrl(Character(Unicode.Scalar(UInt8.random(in: 97...122, using: &rng))))
        case 3: return .meta(chars.randomElement(using: &rng) ?? "x")
        default: return .character(chars.randomElement(using: &rng) ?? "x")
        }
    }

    @Test("thousands of random keys and resizes never crash", arguments: [1, 2, 3])
    func fuzz(seed: UInt64) {
        var rng = SplitMix(state: seed)
        let term = MemoryTerminal()
        var snapshot = Sample.many(30)
        for _ in 0..<3000 {
            switch Int.random(in: 0..<40, using: &rng) {
            case 0:
                term.resize(rows: Int.random(in: 0...60, using: &rng), cols: Int.random(in: 0...200, using: &rng))
            case 1:
                term.enqueueTimeout()
            default:
                let k = KeyFuzzTests.randomKey(&rng)
                if k == .function(10) || k == .character("q") { continue } // keep the loop running
                term.enqueue(k)
            }
        }
        var loads = 0
        let app = DeskApp(terminal: term, load: {
            loads += 1
            if loads % 5 == 0 { return nil }
            snapshot.waiting.removeFirst(min(1, snapshot.waiting.count))
            return snapshot
        }, hasChanged: { true })
        app.run()
        #expect(term.isClosed)
        #expect(term.pendingSteps == 0)
        let g = term.lastGrid
        #expect(g != nil)
    }
}

@Suite("Desk with a custom keymap")
struct DeskKeymapTests {
    @Test("the keymap decides help and quit; F10 always quits")
    func customKeymap() {
        let (map, diags) = Keymap.parse("bind queue h help\nbind queue x quit\n", file: "t.keys")
        #expect(diags.isEmpty)
        let term = MemoryTerminal()
        term.enqueue(.character("q"), .function(1)) // unbound in this keymap: ignored
        term.enqueue(perform: { #expect(!term.dump()[1].contains("Trợ giúp")) })
        term.enqueue(.character("h"))
        term.enqueue(perform: { #expect(term.dump()[1].contains("Trợ giúp")) })
        term.enqueue(.escape, .character("x"), .character("n"))
        let app = DeskApp(terminal: term, keymap: map, load: { Sample.snapshot }, hasChanged: { false })
        app.run()
        #expect(term.pendingSteps == 1)
        #expect(term.dump()[23] == "h Trợ giúp  x Thoát")

        let term2 = MemoryTerminal()
        term2.enqueue(.function(10), .character("n"))
        DeskApp(terminal: term2, keymap: Keymap(), load: { Sample.snapshot }, hasChanged: { false }).run()
        #expect(term2.pendingSteps == 1)
    }

    @Test("a start-up message shows until the next action")
    func message() {
        let term = MemoryTerminal()
        term.enqueue(perform: { #expect(term.dump()[22].contains("keys:3: unknown action")) })
        term.enqueue(.down)
        term.enqueue(perform: { #expect(!term.dump()[22].contains("unknown action")) })
        term.enqueue(.function(10))
        let app = DeskApp(terminal: term, load: { Sample.snapshot }, hasChanged: { false })
        app.show(message: "keys:3: unknown action 'x'", warning: true)
        app.run()
    }
}
