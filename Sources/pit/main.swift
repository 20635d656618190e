import PITKit
print(BuiltIn.all)
