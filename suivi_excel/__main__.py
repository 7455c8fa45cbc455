from suivi_excel.cli import main

main()
