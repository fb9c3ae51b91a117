// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "motcua",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "motcua", targets: ["motcua"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // ncursesw, wide-character API. Linked in the module map (see shared/design.md).
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // The model: pure Swift, no I/O. Default data files are embedded at build time so the
        // binary never depends on a resource bundle being found next to it.
        .target(
            name: "MotCuaCore",
            resources: [
                .embedInCode("Data/holidays-vn.txt"),
                .embedInCode("Data/procedures-vn.csv"),
            ]
        ),
        .target(
            name: "MotCuaStore",
            dependencies: ["MotCuaCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The built-in keymaps are the files users read and copy (`keymaps/` links here):
        // embedded, one copy, parsed by the same parser as a user's own file.
        .target(
            name: "MotCuaTUI",
            dependencies: ["MotCuaCore", "MotCuaStore", "CNcursesw"],
            resources: [
                .embedInCode("Keymaps/default.keys"),
                .embedInCode("Keymaps/vi.keys"),
            ]
        ),
        .executableTarget(
            name: "motcua",
            dependencies: [
                "MotCuaCore", "MotCuaStore", "MotCuaTUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "MotCuaCoreTests",
            dependencies: ["MotCuaCore", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "MotCuaStoreTests", dependencies: ["MotCuaCore", "MotCuaStore"]),
        .testTarget(
            name: "MotCuaTUITests",
            dependencies: [
                "MotCuaCore", "MotCuaStore", "MotCuaTUI",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        // Runs the built `motcua` binary (CLI and, through tmux, the desk).
        // The desk side of the parity test runs in-process (MotCuaTUI on a MemoryTerminal) and
        // both databases are read back with GRDB.
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["MotCuaCore", "MotCuaStore", "MotCuaTUI", "motcua", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
