import Testing
import MotCuaCore
@testable import MotCuaTUI

extension Widgets {
    @Suite("PickerField")
    struct PickerFieldTests {
        func picker() -> PickerField {
            PickerField(id: "procedure", label: Localized(vi: "Thủ tục", en: "Procedure"), items: WidgetSample.procedures)
        }

        @Test("ks and khai sinh find Đăng ký khai sinh first", arguments: ["ks", "khai sinh", "dang ky khai", "Đăng ký KHAI", "kh si"])
        func filterFindsBirth(query: String) {
            var p = picker()
            p.open()
            for ch in query { p.handle(.character(ch)) }
            #expect(p.results.first?.title == "Đăng ký khai sinh")
            #expect(p.highlighted?.id == "HT-KS")
            #expect(p.isDropdownShown)
            #expect(p.selectedID == nil)
        }

        @Test("filter ranks prefix, phrase, any order, initials; shorter titles first")
        func ranking() {
            let items = [
                PickerItem(id: "1", title: "Đăng ký khai sinh kết hợp nhận cha, mẹ, con"),
                PickerItem(id: "2", title: "Sinh hoạt khu phố"),
                PickerItem(id: "3", title: "Đăng ký khai sinh"),
                PickerItem(id: "4", title: "Khai sinh lại"),
                PickerItem(id: "5", title: "Chứng thực"),
            ]
            #expect(PickerItem.filter(items, query: "khai sinh").map(\.id) == ["4", "3", "1"])
            #expect(PickerItem.filter(items, query: "ks").map(\.id) == ["4", "3", "1"])
            #expect(PickerItem.filter(items, query: "sinh").map(\.id) == ["2", "4", "3", "1"])
            #expect(PickerItem.filter(items, query: "").map(\.id) == ["1", "2", "3", "4", "5"])
            #expect(PickerItem.filter(items, query: "xyz").isEmpty)
        }

        @Test("Up/Down move the highlight; accepting keeps the id and shows the title")
        func highlightAndAccept() {
            var p = picker()
            p.open()
            for ch in "ks" { p.handle(.character(ch)) }
            let second = p.results[1]
            p.handle(.down)
            #expect(p.highlighted == second)
            p.handle(.up); p.handle(.up)
            #expect(p.highlighted == p.results[0])
            p.handle(.down)
            let accepted = p.acceptHighlighted()
            #expect(accepted)
            #expect(p.selectedID == second.id)
            #expect(p.query.text == second.title)
            #expect(!p.isOpen)
            // Editing the query again drops the choice and reopens the list.
            #expect(p.handle(.backspace) == .changed)
            #expect(p.selectedID == nil)
            #expect(p.isDropdownShown)
        }

        @Test("the search closure is asked on every change of the query")
        func searchClosure() {
            final class Log { var queries: [String] = [] }
            let log = Log()
            let people = [PickerItem(id: "7", title: "Nguyễn Hồng Sự", subtitle: "0912345678"),
                          PickerItem(id: "9", title: "Nguyễn Văn An", subtitle: "")]
            var p = PickerField(id: "applicant", label: Localized(vi: "Người nộp", en: "Applicant")) { q in
                log.queries.append(q)
                return q.isEmpty ? [] : people.filter { VietnameseText.matches(query: q, in: $0.searchKey) }
            }
            p.open()
            #expect(!p.isDropdownShown) // nothing for an empty query
            for ch in "ng hong" { p.handle(.character(ch)) }
            #expect(log.queries.last == "ng hong")
            #expect(p.results.map(\.id) == ["7"])
            p.acceptHighlighted()
            #expect(p.selectedID == "7")
        }

        @Test("the catalog picker uses the catalog's own ranking and can start selected")
        func catalogPicker() {
            var p = PickerField.procedures(catalog: .builtIn, selected: "HT-KS")
            #expect(p.selectedID == "HT-KS")
            #expect(p.query.text == "Đăng ký khai sinh")
            p.clear()
            p.open()
            for ch in "ht-ks" { p.handle(.character(ch)) }
            #expect(p.results.first?.id == "HT-KS")
        }

        @Test("the dropdown draws under the field with the highlight reversed")
        func dropdownRender() {
            var p = picker()
            p.open()
            for ch in "ks" { p.handle(.character(ch)) }
            var g = CellGrid(rows: 10, cols: 80)
            p.render(into: &g, row: 0, col: 0, width: 80, focused: true)
            p.renderDropdown(into: &g, top: 1, col: 16, width: 64)
            #expect(g.rowText(0).hasPrefix("Thủ tục         ks"))
            #expect(g.rowText(1).hasPrefix("                 Đăng ký khai sinh  HT-KS · Hộ tịch"))
            #expect(g[1, 17].style.isReverse)
            #expect(!g[2, 17].style.isReverse)
            #expect(p.dropdownHeight <= 6)
        }
    }

    @Suite("ChoiceField")
    struct ChoiceFieldTests {
        @Test("Left/Right/Space cycle; a letter jumps by folded initial")
        func cycling() {
            var c = ChoiceField(id: "priority", label: "Ưu tiên", options: WidgetSample.priorityOptions)
            #expect(c.selectedID == "none")
            c.handle(.right)
            #expect(c.selectedID == "elderly")
            c.handle(.character(" "))
            #expect(c.selectedID == "disabled")
            c.handle(.left); c.handle(.left); c.handle(.left)
            #expect(c.selectedID == "merit")
            c.handle(.right)
            #expect(c.selectedID == "none")
            #expect(c.handle(.character("n")) == .changed)
            #expect(c.selectedID == "elderly")      // Người cao tuổi
            c.handle(.character("N"))
            #expect(c.selectedID == "disabled")     // Người khuyết tật, the next one with n
            c.handle(.character("p"))
            #expect(c.selectedID == "pregnant")     // Phụ nữ có thai
            #expect(c.handle(.character("z")) == .handled)
            #expect(c.selectedID == "pregnant")
            #expect(c.handle(.enter) == .ignored)
            c.handle(.character("e"), language: .en)
            #expect(c.selectedID == "elderly")
        }

        @Test("renders ◀ option ▶ padded to the widest option")
        func render() {
            let c = ChoiceField(id: "priority", label: "Ưu tiên", options: WidgetSample.priorityOptions, selected: "elderly")
            var g = CellGrid(rows: 1, cols: 80)
            c.render(into: &g, row: 0, col: 0, width: 80, focused: true)
            #expect(g.rowText(0) == "Ưu tiên         ◀ Người cao tuổi   ▶")
        }
    }

    @Suite("ListView")
    struct ListViewTests {
        @Test("moves keep the selection visible; pages; home/end; clamps")
        func moves() {
            var l = ListView(count: 30, height: 5)
            #expect(l.selected == 0 && l.visibleRange == 0..<5)
            for _ in 0..<7 { l.moveDown() }
            #expect(l.selected == 7 && l.visibleRange == 3..<8)
            l.pageDown()
            #expect(l.selected == 12 && l.visibleRange.contains(12))
            l.end()
            #expect(l.selected == 29 && l.visibleRange == 25..<30 && !l.hasMoreBelow && l.hasMoreAbove)
            l.pageDown()
            #expect(l.selected == 29)
            l.pageUp()
            #expect(l.selected == 24 && l.visibleRange.contains(24))
            l.home()
            #expect(l.selected == 0 && l.offset == 0)
            l.moveUp()
            #expect(l.selected == 0)
            l.select(20)
            l.setCount(10)
            #expect(l.selected == 9 && l.visibleRange == 5..<10)
            l.setHeight(20)
            #expect(l.offset == 0)
            l.setCount(0)
            #expect(l.selected == nil && l.visibleRange.isEmpty)
            l.moveDown(); l.pageDown(); l.end()
            #expect(l.selected == nil)
            let usedDown = l.handle(.down), usedEnter = l.handle(.enter)
            #expect(usedDown && !usedEnter)
            var m = ListView(count: 3)
            let last = m.perform(.cursorLast)
            #expect(last && m.selected == 2)
            let quit = m.perform(.quit)
            #expect(!quit)
        }

        @Test("render draws visible rows, the selection highlighted, scroll markers")
        func render() {
            var l = ListView(count: 10, height: 3)
            l.select(4)
            var g = CellGrid(rows: 3, cols: 12)
            l.render(into: &g, top: 0, left: 0, width: 12) { i in ("row \(i)", .plain) }
            #expect(g.dump() == ["row 2      ↑", "row 3", "row 4      ↓"])
            #expect(g[2, 0].style == WidgetStyle.highlight)
        }
    }

    @Suite("ConfirmScreen")
    struct ConfirmScreenTests {
        final class Host: ScreenHost {
            var language: Language = .vi
            var keymap: Keymap = .standard
            var composer = VietnameseComposer()
            var symbols: Symbols = .unicode
            var size: (rows: Int, cols: Int) = (24, 80)
            var popped = 0
            var said: [String] = []
            func push(_ screen: Screen) {}
            func pop(_ screen: Screen) { popped += 1 }
            func replace(_ old: Screen, with new: Screen) {}
            func showRoot(_ view: Action) -> Bool { false }
            func say(_ text: String, warning: Bool) { said.append(text) }
            func report(_ error: Error) {}
            func confirm(_ question: YesNoQuestion) {}
            func refresh() {}
            func keys(for action: Action, in context: KeyContext) -> [Key] { keymap.keys(for: action, in: context) }
        }

        func dialog(defaultYes: Bool, answers: @escaping (Bool) -> Void) -> ConfirmScreen {
            ConfirmScreen(YesNoQuestion(title: "Từ chối", message: "Bỏ hồ sơ đang nhập?", defaultYes: defaultYes,
                                       onYes: { _ in answers(true) }, onNo: { _ in answers(false) }))
        }

        @Test("c/y yes, k/n no; Enter takes the default the caller chose; Esc (form.cancel) is no")
        func answers() {
            let host = Host()
            var got: [Bool] = []
            for (key, expected) in [(Key.character("c"), true), (.character("Y"), true), (.character("k"), false), (.character("n"), false)] {
                _ = dialog(defaultYes: true) { got.append($0) }.handle(key: key, host: host)
                #expect(got.last == expected)
            }
            _ = dialog(defaultYes: false) { got.append($0) }.perform(.formSubmit, host: host)
            #expect(got.last == false)
            _ = dialog(defaultYes: true) { got.append($0) }.perform(.formSubmit, host: host)
            #expect(got.last == true)
            let d = dialog(defaultYes: true) { got.append($0) }
            _ = d.perform(.fieldNext, host: host)       // Tab moves to No
            _ = d.perform(.formSubmit, host: host)
            #expect(got.last == false)
            _ = dialog(defaultYes: true) { got.append($0) }.perform(.formCancel, host: host)
            #expect(got.last == false)
            #expect(host.popped == 8)
            #expect(!dialog(defaultYes: true) { _ in }.handle(key: .function(5), host: host))
        }

        @Test("the box is centred, the default highlighted, ASCII frame without Unicode")
        func render() {
            let host = Host()
            var g = CellGrid(rows: 24, cols: 80)
            dialog(defaultYes: false) { _ in }.render(into: &g, top: 1, bottom: 22, host: host)
            let rows = g.dump()
            #expect(rows.contains { $0.contains("┌─ Từ chối ─") })
            let buttons = rows.firstIndex { $0.contains("[ Có ]") } ?? -1
            #expect(rows[buttons].contains("[ Không ]"))
            let noCol = rows[buttons].distance(from: rows[buttons].startIndex, to: rows[buttons].range(of: "[ Không ]")?.lowerBound ?? rows[buttons].startIndex)
            #expect(g[buttons, noCol].style.isReverse)
            host.symbols = .ascii
            var a = CellGrid(rows: 24, cols: 80)
            dialog(defaultYes: false) { _ in }.render(into: &a, top: 1, bottom: 22, host: host)
            #expect(a.dump().contains { $0.contains("+- Từ chối -") })
            #expect(!a.dump().joined().contains("─"))
        }
    }
}
