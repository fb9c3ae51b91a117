import ArgumentParser
print("motcua")
