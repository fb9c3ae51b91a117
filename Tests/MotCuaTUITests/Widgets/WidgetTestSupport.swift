import Testing
import MotCuaCore
@testable import MotCuaTUI

/// Namespace so `swift test --filter Widgets` runs every widget suite.
@Suite("Widgets") enum Widgets {}

/// A stand-in for the Telex composer: `aa` → `â`, `dd` → `đ`, and it counts its calls.
final class WidgetFakeComposer {
    var calls = 0
    var seen: [(Character, String)] = []

    func compose(_ ch: Character, _ before: String) -> String {
        calls += 1
        seen.append((ch, before))
        if ch == "a", before.hasSuffix("a") { return String(before.dropLast()) + "â" }
        if ch == "d", before.hasSuffix("d") { return String(before.dropLast()) + "đ" }
        if ch == "d", before.hasSuffix("D") { return String(before.dropLast()) + "Đ" }
        return before + String(ch)
    }

    var closure: TextField.Compose { { [self] ch, before in compose(ch, before) } }
}

typealias WidgetRNG = SeededRandom

extension TextField {
    /// Types a script of keys.
    mutating func press(_ keys: Key...) { for k in keys { handle(k) } }
}

enum WidgetSample {
    static let procedures: [PickerItem] = ProcedureCatalog.builtIn.procedures.map { PickerItem(procedure: $0) }

    static let priorityOptions = [
        ChoiceOption(id: "none", label: Localized(vi: "Không", en: "None")),
        ChoiceOption(id: "elderly", label: Localized(vi: "Người cao tuổi", en: "Elderly")),
        ChoiceOption(id: "disabled", label: Localized(vi: "Người khuyết tật", en: "Disabled")),
        ChoiceOption(id: "pregnant", label: Localized(vi: "Phụ nữ có thai", en: "Pregnant")),
        ChoiceOption(id: "merit", label: Localized(vi: "Người có công", en: "Meritorious person")),
    ]

    /// A walk-in form much like the desk's.
    static func walkInForm(compose: @escaping TextField.Compose = TextField.append) -> Form {
        Form(title: Localized(vi: "Cấp số thứ tự", en: "Register a walk-in"), fields: [
            .text(TextField(id: "name", label: Localized(vi: "Họ và tên", en: "Full name"), width: 40,
                            placeholder: Localized(vi: "Nguyễn Văn A", en: "Nguyễn Văn A"), compose: compose)),
            .text(TextField(id: "id_number", label: Localized(vi: "Số CCCD", en: "Citizen ID"), kind: .digits, maxLength: 12)),
            .text(TextField(id: "phone", label: Localized(vi: "Số điện thoại", en: "Phone"), kind: .phone, maxLength: 15)),
            .choice(ChoiceField(id: "priority", label: Localized(vi: "Ưu tiên", en: "Priority"), options: priorityOptions)),
            .picker(PickerField(id: "procedure", label: Localized(vi: "Thủ tục", en: "Procedure"), items: procedures,
                                hint: Localized(vi: "Gõ tên hoặc chữ cái đầu (ks = khai sinh)", en: "Type a name or initials"),
                                compose: compose)),
            .info(InfoField(id: "due", label: Localized(vi: "Ngày hẹn trả", en: "Due date"), text: "—")),
            .text(TextField(id: "address", label: Localized(vi: "Địa chỉ", en: "Address"), compose: compose)),
            .text(TextField(id: "note", label: Localized(vi: "Ghi chú", en: "Note"), maxLength: 200, compose: compose)),
        ])
    }
}
