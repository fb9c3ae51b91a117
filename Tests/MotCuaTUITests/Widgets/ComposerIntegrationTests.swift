import Testing
import MotCuaCore
@testable import MotCuaTUI

extension Widgets {
    /// The text field with the real Telex/VNI composer plugged in as `compose`.
    @Suite("TextField with VietnameseComposer")
    struct ComposerIntegrationTests {
        @Test("Telex through a text field: Nguyeenx Hoongf Suwj → Nguyễn Hồng Sự; not in a digits field")
        func telex() {
            let telex = VietnameseComposer(kind: .telex)
            var f = TextField(id: "name", label: "Họ và tên", compose: { telex.type($0, after: $1) })
            f.type("Nguyeenx Hoongf Suwj")
            #expect(f.text == "Nguyễn Hồng Sự")
            #expect(f.cursor == 14)
            // Editing the first word from the middle of the text leaves the rest alone.
            f.moveCursor(to: 6)
            f.handle(.backspace)
            f.type("n")
            #expect(f.text == "Nguyễn Hồng Sự")
            var d = TextField(id: "id_number", label: "Số CCCD", kind: .digits, compose: { telex.type($0, after: $1) })
            d.type("0010s99")
            #expect(d.text == "001099")
        }
    }
}
