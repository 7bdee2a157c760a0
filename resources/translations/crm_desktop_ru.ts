<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name />
    <message>
        <source>&amp;New record</source>
        <translation>&amp;Новая запись</translation>
    </message>
    <message>
        <source>Create a record in the current section</source>
        <translation>Создать запись в текущем разделе</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>Н&amp;астройки…</translation>
    </message>
    <message>
        <source>Company details, currency, locale and phone region</source>
        <translation>Реквизиты компании, валюта, региональные форматы и страна телефонов</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>Close the window</source>
        <translation>Закрыть окно</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>Отменить последнее изменение</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Найти</translation>
    </message>
    <message>
        <source>Go to the search box of the current list</source>
        <translation>Перейти к полю поиска текущего списка</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>О&amp;ткрыть</translation>
    </message>
    <message>
        <source>Open the selected record</source>
        <translation>Открыть выбранную запись</translation>
    </message>
    <message>
        <source>Move to &amp;trash</source>
        <translation>Переместить в &amp;корзину</translation>
    </message>
    <message>
        <source>Move the selected records to the trash (Ctrl+Z brings them back)</source>
        <translation>Переместить выбранные записи в корзину (Ctrl+Z вернёт их)</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>Выделить &amp;все</translation>
    </message>
    <message>
        <source>Select every row of the list</source>
        <translation>Выделить все строки списка</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Назад</translation>
    </message>
    <message>
        <source>Back to the list you came from</source>
        <translation>Вернуться к предыдущему списку</translation>
    </message>
    <message>
        <source>&amp;Clear search</source>
        <translation>&amp;Очистить поиск</translation>
    </message>
    <message>
        <source>Clear the search, or go back from a customer's page</source>
        <translation>Очистить поиск или вернуться со страницы клиента</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>О&amp;бновить</translation>
    </message>
    <message>
        <source>Read the current list again from the database</source>
        <translation>Заново прочитать текущий список из базы данных</translation>
    </message>
    <message>
        <source>&amp;Pipeline board</source>
        <translation>&amp;Воронка сделок</translation>
    </message>
    <message>
        <source>Show the deals as a board of stages</source>
        <translation>Показать сделки доской по этапам</translation>
    </message>
    <message>
        <source>Add &amp;tag…</source>
        <translation>Добавить &amp;метку…</translation>
    </message>
    <message>
        <source>Tag the selected customers</source>
        <translation>Добавить метку выбранным клиентам</translation>
    </message>
    <message>
        <source>&amp;Remove tag…</source>
        <translation>Сн&amp;ять метку…</translation>
    </message>
    <message>
        <source>Remove a tag from the selected customers</source>
        <translation>Снять метку с выбранных клиентов</translation>
    </message>
    <message>
        <source>Restore from tras&amp;h</source>
        <translation>Восстановить из &amp;корзины</translation>
    </message>
    <message>
        <source>Bring the selected records back from the trash</source>
        <translation>Вернуть выбранные записи из корзины</translation>
    </message>
    <message>
        <source>&amp;Delete for good…</source>
        <translation>&amp;Удалить навсегда…</translation>
    </message>
    <message>
        <source>Delete the selected records in the trash for good</source>
        <translation>Навсегда удалить выбранные записи из корзины</translation>
    </message>
    <message>
        <source>&amp;Empty trash…</source>
        <translation>&amp;Очистить корзину…</translation>
    </message>
    <message>
        <source>Delete everything in the trash for good</source>
        <translation>Навсегда удалить всё, что лежит в корзине</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <source>Every command and its keys</source>
        <translation>Все команды и их клавиши</translation>
    </message>
    <message>
        <source>Show &amp;log folder</source>
        <translation>Открыть папку &amp;журнала</translation>
    </message>
    <message>
        <source>Where CRM Desktop writes the details of errors</source>
        <translation>Куда CRM Desktop записывает подробности ошибок</translation>
    </message>
    <message>
        <source>&amp;About CRM Desktop</source>
        <translation>&amp;О программе CRM Desktop</translation>
    </message>
    <message>
        <source>Automatic backups: at the first start after 24 hours, on exit after changes, and before anything that changes many records (import, emptying the trash, restore, upgrade). Kept: everything from the last 2 days, then the last 7 daily, 4 weekly and 12 monthly; safety copies for at least 30 days.</source>
        <translation>Автоматические резервные копии: при первом запуске спустя 24 часа, при выходе после изменений и перед любыми массовыми изменениями (импорт, очистка корзины, восстановление, обновление). Хранятся: все копии за последние 2 дня, затем 7 ежедневных, 4 еженедельных и 12 ежемесячных; страховочные копии — не менее 30 дней.</translation>
    </message>
    <message>
        <source>CRM Desktop backups (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>Резервные копии CRM Desktop (*.sqlite3 *.sqlite *.db);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Проверена</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Повреждена</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>Не проверена</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Клиенты</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Restoring a backup</source>
        <translation>Восстановление из резервной копии</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>Основной</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Сделки</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Этап</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Вероятность</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>Ожидаемое закрытие</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Задачи</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Приоритет</translation>
    </message>
    <message>
        <source>Service cases</source>
        <translation>Обращения</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Открыто</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Стоимость</translation>
    </message>
    <message>
        <source>Log a call</source>
        <translation>Записать звонок</translation>
    </message>
    <message>
        <source>Log a meeting</source>
        <translation>Записать встречу</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>Добавить заметку</translation>
    </message>
    <message>
        <source>e.g. Called about the quote</source>
        <translation>например: Звонил по коммерческому предложению</translation>
    </message>
    <message>
        <source>e.g. Demo at their office</source>
        <translation>например: Демонстрация у них в офисе</translation>
    </message>
    <message>
        <source>e.g. Prefers email to phone</source>
        <translation>например: Предпочитает почту звонкам</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Товар</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>Discount %</source>
        <translation>Скидка, %</translation>
    </message>
    <message>
        <source>Tax %</source>
        <translation>Налог, %</translation>
    </message>
    <message>
        <source>Record payment</source>
        <translation>Внести оплату</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Счета</translation>
    </message>
    <message>
        <source>invoice</source>
        <translation>счёт</translation>
    </message>
    <message>
        <source>invoices</source>
        <translation>счета</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Выставлен</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Оплачено</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Остаток</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Без налога</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Налог</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <source>Unpaid only</source>
        <translation>Только неоплаченные</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Платежи</translation>
    </message>
    <message>
        <source>payment</source>
        <translation>платёж</translation>
    </message>
    <message>
        <source>payments</source>
        <translation>платежи</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>Дата оплаты</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Способ</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Счёт</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Товары</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>Взаимодействия</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Кампании</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Корзина</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>Предложения</translation>
    </message>
    <message>
        <source>quote</source>
        <translation>предложение</translation>
    </message>
    <message>
        <source>quotes</source>
        <translation>предложения</translation>
    </message>
    <message>
        <source>Net total</source>
        <translation>Сумма без налога</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Действует до</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Сделка</translation>
    </message>
    <message>
        <source>PDF document (.pdf)</source>
        <translation>Документ PDF (.pdf)</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Книга Excel (.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (.csv)</source>
        <translation>CSV, UTF-8 (.csv)</translation>
    </message>
    <message>
        <source>campaign</source>
        <translation>кампания</translation>
    </message>
    <message>
        <source>campaigns</source>
        <translation>кампании</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Окончание</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Бюджет</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Участники</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>контакт</translation>
    </message>
    <message>
        <source>contacts</source>
        <translation>контакты</translation>
    </message>
    <message>
        <source>Primary only</source>
        <translation>Только основные</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>клиент</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>клиенты</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation>Основной контакт</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Выручка</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создано</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Изменено</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Сайт</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Метка</translation>
    </message>
    <message>
        <source>deal</source>
        <translation>сделка</translation>
    </message>
    <message>
        <source>deals</source>
        <translation>сделки</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <source>Weighted amount</source>
        <translation>Взвешенная сумма</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Закрыто</translation>
    </message>
    <message>
        <source>Lost reason</source>
        <translation>Причина проигрыша</translation>
    </message>
    <message>
        <source>Open only</source>
        <translation>Только открытые</translation>
    </message>
    <message>
        <source>interaction</source>
        <translation>взаимодействие</translation>
    </message>
    <message>
        <source>interactions</source>
        <translation>взаимодействия</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>order</source>
        <translation>заказ</translation>
    </message>
    <message>
        <source>orders</source>
        <translation>заказы</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Строки</translation>
    </message>
    <message>
        <source>product</source>
        <translation>товар</translation>
    </message>
    <message>
        <source>products</source>
        <translation>товары</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Остаток</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Активный</translation>
    </message>
    <message>
        <source>service case</source>
        <translation>обращение</translation>
    </message>
    <message>
        <source>service cases</source>
        <translation>обращения</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Решено</translation>
    </message>
    <message>
        <source>task</source>
        <translation>задача</translation>
    </message>
    <message>
        <source>tasks</source>
        <translation>задачи</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Просрочено</translation>
    </message>
    <message>
        <source>record in the trash</source>
        <translation>запись в корзине</translation>
    </message>
    <message>
        <source>records in the trash</source>
        <translation>записи в корзине</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Удалено</translation>
    </message>
    <message>
        <source>Net (tax is added)</source>
        <translation>Без налога (налог добавляется)</translation>
    </message>
    <message>
        <source>Gross (tax included)</source>
        <translation>С налогом (налог включён)</translation>
    </message>
    <message>
        <source>Per line</source>
        <translation>По каждой строке</translation>
    </message>
    <message>
        <source>Per document, per rate</source>
        <translation>По документу, по каждой ставке</translation>
    </message>
    <message>
        <source>Legal name</source>
        <translation>Полное наименование</translation>
    </message>
    <message>
        <source>KPP (Russia)</source>
        <translation>КПП (Россия)</translation>
    </message>
    <message>
        <source>Bank details</source>
        <translation>Банковские реквизиты</translation>
    </message>
    <message>
        <source>Default tax rate %</source>
        <translation>Ставка налога по умолчанию, %</translation>
    </message>
    <message>
        <source>Prices are entered</source>
        <translation>Цены вводятся</translation>
    </message>
    <message>
        <source>Tax is rounded</source>
        <translation>Налог округляется</translation>
    </message>
    <message>
        <source>Invoice numbers</source>
        <translation>Номера счетов</translation>
    </message>
    <message>
        <source>Credit note numbers</source>
        <translation>Номера корректировочных счетов</translation>
    </message>
    <message>
        <source>Days to pay</source>
        <translation>Срок оплаты, дней</translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation>Условия оплаты</translation>
    </message>
    <message>
        <source>Quote numbers start with</source>
        <translation>Номера предложений начинаются с</translation>
    </message>
    <message>
        <source>Quotes valid for (days)</source>
        <translation>Срок действия предложений (дней)</translation>
    </message>
    <message>
        <source>any time</source>
        <translation>за всё время</translation>
    </message>
    <message>
        <source>today</source>
        <translation>сегодня</translation>
    </message>
    <message>
        <source>last 7 days</source>
        <translation>последние 7 дней</translation>
    </message>
    <message>
        <source>next 7 days</source>
        <translation>следующие 7 дней</translation>
    </message>
    <message>
        <source>this month</source>
        <translation>этот месяц</translation>
    </message>
    <message>
        <source>last 30 days</source>
        <translation>последние 30 дней</translation>
    </message>
    <message>
        <source>next 30 days</source>
        <translation>следующие 30 дней</translation>
    </message>
    <message>
        <source>this year</source>
        <translation>этот год</translation>
    </message>
    <message>
        <source>last year</source>
        <translation>прошлый год</translation>
    </message>
    <message>
        <source>custom range…</source>
        <translation>свой период…</translation>
    </message>
    <message>
        <source>campaign members</source>
        <translation>участники кампаний</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>Когда (UTC)</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Пропущено</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Отклонено</translation>
    </message>
    <message>
        <source>OK — new</source>
        <translation>ОК — новая</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Дубликат</translation>
    </message>
    <message>
        <source>Contacts and tables (*.csv *.txt *.tsv *.xlsx *.vcf);;All files (*)</source>
        <translation>Контакты и таблицы (*.csv *.txt *.tsv *.xlsx *.vcf);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Customers (with their primary contact)</source>
        <translation>Клиенты (с основным контактом)</translation>
    </message>
    <message>
        <source>Recognise automatically</source>
        <translation>Определить автоматически</translation>
    </message>
    <message>
        <source>Google Contacts CSV</source>
        <translation>CSV из Google Контактов</translation>
    </message>
    <message>
        <source>Outlook CSV</source>
        <translation>CSV из Outlook</translation>
    </message>
    <message>
        <source>Thunderbird CSV</source>
        <translation>CSV из Thunderbird</translation>
    </message>
    <message>
        <source>— don't import —</source>
        <translation>— не импортировать —</translation>
    </message>
</context>
<context>
    <name>AskRecoveryKeyDialog</name>
    <message>
        <source>Encrypted database</source>
        <translation>Зашифрованная база данных</translation>
    </message>
    <message>
        <source>%1 is encrypted, and this computer does not hold its key. Type its recovery key (from the page printed when it was encrypted).</source>
        <translation>База %1 зашифрована, а ключа от неё на этом компьютере нет. Введите её ключ восстановления (с листа, напечатанного при шифровании).</translation>
    </message>
    <message>
        <source>Keep the key on this computer (in its keyring)</source>
        <translation>Хранить ключ на этом компьютере (в связке ключей системы)</translation>
    </message>
</context>
<context>
    <name>BackupFeature</name>
    <message>
        <source>at the first start of the day</source>
        <translation>при первом запуске за день</translation>
    </message>
    <message>
        <source>an internal error (see the log)</source>
        <translation>внутренняя ошибка (см. журнал)</translation>
    </message>
    <message>
        <source>The daily backup could not be made: {reason} See File › Restore from backup… for the backup folder.</source>
        <translation>Не удалось создать ежедневную копию: {reason} Папку копий см. в меню Файл › Восстановить из копии…</translation>
    </message>
    <message>
        <source>Daily backup</source>
        <translation>Ежедневная резервная копия</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backups</source>
        <translation>Резервные копии</translation>
    </message>
    <message>
        <source>Backup folder:</source>
        <translation>Папка копий:</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Показать в папке</translation>
    </message>
    <message>
        <source>Open the backup folder in the file manager</source>
        <translation>Открыть папку резервных копий в файловом менеджере</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Choose another folder for the backups: a USB stick, a synced folder…</source>
        <translation>Выбрать другую папку для копий: флешку, синхронизируемую папку…</translation>
    </message>
    <message>
        <source>Use default</source>
        <translation>По умолчанию</translation>
    </message>
    <message>
        <source>Back up to the app's own folder again</source>
        <translation>Снова сохранять копии в папку программы</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Создать копию</translation>
    </message>
    <message>
        <source>Make a verified backup of the database now</source>
        <translation>Сейчас создать проверенную резервную копию базы данных</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Проверить</translation>
    </message>
    <message>
        <source>Check the selected backup again, fully (integrity, references, counts)</source>
        <translation>Ещё раз полностью проверить выбранную копию (целостность, ссылки, количество записей)</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Восстановить…</translation>
    </message>
    <message>
        <source>Replace the current data with the selected backup (you are asked first)</source>
        <translation>Заменить текущие данные выбранной копией (сначала будет задан вопрос)</translation>
    </message>
    <message>
        <source>Restore another file…</source>
        <translation>Восстановить из файла…</translation>
    </message>
    <message>
        <source>Restore a backup from anywhere, e.g. a USB stick</source>
        <translation>Восстановить копию из любого места, например с флешки</translation>
    </message>
    <message>
        <source>Check database</source>
        <translation>Проверить базу</translation>
    </message>
    <message>
        <source>Run the integrity and foreign-key check on the database (as crm-desktop check)</source>
        <translation>Проверить целостность и внешние ключи базы данных (как crm-desktop check)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Wait until the backup or restore under way has finished.</source>
        <translation>Дождитесь окончания текущего резервного копирования или восстановления.</translation>
    </message>
    <message>
        <source>{folder}  (default)</source>
        <translation>{folder}  (по умолчанию)</translation>
    </message>
    <message>
        <source>The folder {folder} is not there (is the drive plugged in?). Automatic backups go to the default folder until it is back.</source>
        <translation>Папки {folder} нет (диск подключён?). Пока она не появится, автоматические копии сохраняются в папку по умолчанию.</translation>
    </message>
    <message>
        <source>No backups yet: click Back up now.</source>
        <translation>Резервных копий пока нет: нажмите «Создать копию».</translation>
    </message>
    <message>
        <source>{what} — made {reason}</source>
        <translation>{what} — создана {reason}</translation>
    </message>
    <message>
        <source>Damaged: {problem}</source>
        <translation>Повреждена: {problem}</translation>
    </message>
    <message>
        <source>Not verified yet: click Verify before relying on it.</source>
        <translation>Ещё не проверена: нажмите «Проверить», прежде чем на неё полагаться.</translation>
    </message>
    <message>
        <source>fully</source>
        <translation>полностью</translation>
    </message>
    <message>
        <source>after it was made</source>
        <translation>после создания</translation>
    </message>
    <message>
        <source>Verified {level} on {local_time}.</source>
        <translation>Проверена {level} {local_time}.</translation>
    </message>
    <message>
        <source>Backing up and verifying…</source>
        <translation>Создание и проверка копии…</translation>
    </message>
    <message>
        <source>Backed up to {name} ({headline}), verified.</source>
        <translation>Копия {name} создана ({headline}) и проверена.</translation>
    </message>
    <message>
        <source>Backing up</source>
        <translation>Резервное копирование</translation>
    </message>
    <message>
        <source>Checking {name}…</source>
        <translation>Проверка {name}…</translation>
    </message>
    <message>
        <source>{name} passed the full check.</source>
        <translation>{name} прошла полную проверку.</translation>
    </message>
    <message>
        <source>{name} is damaged: {problem}</source>
        <translation>{name} повреждена: {problem}</translation>
    </message>
    <message>
        <source>Verifying the backup</source>
        <translation>Проверка резервной копии</translation>
    </message>
    <message>
        <source>Restore from a backup file</source>
        <translation>Восстановить из файла копии</translation>
    </message>
    <message>
        <source>Restored {name}; the previous data is in a safety copy.</source>
        <translation>Восстановлено из {name}; прежние данные сохранены в страховочной копии.</translation>
    </message>
    <message>
        <source>Integrity: {integrity}</source>
        <translation>Целостность: {integrity}</translation>
    </message>
    <message>
        <source>Foreign keys: {state}</source>
        <translation>Внешние ключи: {state}</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>в порядке</translation>
    </message>
    <message>
        <source>Schema version: {version}</source>
        <translation>Версия схемы: {version}</translation>
    </message>
    <message>
        <source>Not the structure CRM Desktop makes: {problem}</source>
        <translation>Структура отличается от создаваемой CRM Desktop: {problem}</translation>
    </message>
    <message>
        <source>Text that is not valid UTF-8 in: {shown}</source>
        <translation>Текст не в кодировке UTF-8: {shown}</translation>
    </message>
    <message>
        <source>Database check</source>
        <translation>Проверка базы данных</translation>
    </message>
    <message>
        <source>Checking the database</source>
        <translation>Проверка базы данных</translation>
    </message>
    <message>
        <source>Showing the backup folder</source>
        <translation>Открытие папки копий</translation>
    </message>
    <message>
        <source>{folder} does not exist.</source>
        <translation>Папки {folder} не существует.</translation>
    </message>
    <message>
        <source>Choose the backup folder</source>
        <translation>Выберите папку для резервных копий</translation>
    </message>
    <message>
        <source>Changing the backup folder</source>
        <translation>Смена папки резервных копий</translation>
    </message>
    <message>
        <source>Backups now go to {chosen}.</source>
        <translation>Теперь копии сохраняются в {chosen}.</translation>
    </message>
</context>
<context>
    <name>CampaignForm</name>
    <message>
        <source>Members</source>
        <translation>Участники</translation>
    </message>
    <message>
        <source>Customer to add</source>
        <translation>Добавить клиента</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Убрать выбранных</translation>
    </message>
    <message numerus="yes">
        <source>Members (%Ln)</source>
        <translation>
            <numerusform>Участники (%Ln)</numerusform>
            <numerusform>Участники (%Ln)</numerusform>
            <numerusform>Участники (%Ln)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Card</name>
    <message>
        <source>{shown} of {total}</source>
        <translation>{shown} из {total}</translation>
    </message>
</context>
<context>
    <name>CloseDealDialog</name>
    <message>
        <source>Deal won</source>
        <translation>Сделка выиграна</translation>
    </message>
    <message>
        <source>Deal lost</source>
        <translation>Сделка проиграна</translation>
    </message>
    <message>
        <source>Mark “{short}” as won.</source>
        <translation>Отметить «{short}» как выигранную.</translation>
    </message>
    <message>
        <source>Mark “{short}” as lost.</source>
        <translation>Отметить «{short}» как проигранную.</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Дата закрытия</translation>
    </message>
    <message>
        <source>Closed on:</source>
        <translation>Дата закрытия:</translation>
    </message>
    <message>
        <source>e.g. price, timing, chose a competitor</source>
        <translation>например: цена, сроки, выбрали конкурента</translation>
    </message>
    <message>
        <source>Lost reason</source>
        <translation>Причина проигрыша</translation>
    </message>
    <message>
        <source>Why was it lost?</source>
        <translation>Почему проиграна?</translation>
    </message>
    <message>
        <source>Mark as won</source>
        <translation>Выиграна</translation>
    </message>
    <message>
        <source>Mark as lost</source>
        <translation>Проиграна</translation>
    </message>
</context>
<context>
    <name>ConfirmRestoreDialog</name>
    <message>
        <source>Restore this backup?</source>
        <translation>Восстановить эту копию?</translation>
    </message>
    <message>
        <source>&lt;b&gt;Restore the backup of {local_time}?&lt;/b&gt;</source>
        <translation>&lt;b&gt;Восстановить копию от {local_time}?&lt;/b&gt;</translation>
    </message>
    <message>
        <source>All current data is replaced by what the backup holds. A safety copy of the current data is made first and listed with the backups: restoring that copy brings today's data back.</source>
        <translation>Все текущие данные будут заменены содержимым копии. Сначала создаётся страховочная копия текущих данных, она появится в списке копий: восстановив её, вы вернёте сегодняшние данные.</translation>
    </message>
    <message>
        <source>The backup was made by an older version of CRM Desktop (schema {migrated_from}); it was upgraded on a copy and passed its checks.</source>
        <translation>Копия создана более старой версией CRM Desktop (схема {migrated_from}); она обновлена на временной копии и прошла проверки.</translation>
    </message>
    <message>
        <source>The current data could not be counted: {current_problem}.</source>
        <translation>Не удалось посчитать текущие данные: {current_problem}.</translation>
    </message>
    <message>
        <source>Restore it anyway: I have read the warning above</source>
        <translation>Всё равно восстановить: я прочитал предупреждение выше</translation>
    </message>
    <message>
        <source>In the backup</source>
        <translation>В копии</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Сейчас</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Восстановить</translation>
    </message>
</context>
<context>
    <name>ContactCombo</name>
    <message>
        <source>— no contact —</source>
        <translation>— без контакта —</translation>
    </message>
</context>
<context>
    <name>ContactForm</name>
    <message>
        <source>&amp;Personal data</source>
        <translation>Пе&amp;рсональные данные</translation>
    </message>
    <message>
        <source>&amp;Export personal data…</source>
        <translation>&amp;Выгрузить персональные данные…</translation>
    </message>
    <message>
        <source>E&amp;rase this person…</source>
        <translation>&amp;Стереть данные человека…</translation>
    </message>
</context>
<context>
    <name>ConversionFlow</name>
    <message>
        <source>Encrypting the database</source>
        <translation>Шифрование базы данных</translation>
    </message>
    <message>
        <source>Decrypting the database</source>
        <translation>Расшифровка базы данных</translation>
    </message>
    <message>
        <source>Making a verified backup, then the converted copy…</source>
        <translation>Создаётся проверенная резервная копия, затем преобразованная копия…</translation>
    </message>
</context>
<context>
    <name>CountryBox</name>
    <message>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
</context>
<context>
    <name>CustomFilter</name>
    <message>
        <source>{field}:</source>
        <translation>{field}:</translation>
    </message>
    <message>
        <source>any</source>
        <translation>любое</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>from</source>
        <translation>от</translation>
    </message>
    <message>
        <source>to</source>
        <translation>до</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>содержит</translation>
    </message>
    <message>
        <source>Remove the filter on “{field}”</source>
        <translation>Убрать фильтр по полю «{field}»</translation>
    </message>
    <message>
        <source>Show only records whose “{field}” matches</source>
        <translation>Показать только записи, у которых поле «{field}» подходит</translation>
    </message>
</context>
<context>
    <name>CustomerDetailPage</name>
    <message>
        <source>← Back</source>
        <translation>← Назад</translation>
    </message>
    <message>
        <source>Back (Alt+Left)</source>
        <translation>Назад (Alt+Влево)</translation>
    </message>
    <message>
        <source>Ed&amp;it customer</source>
        <translation>&amp;Изменить клиента</translation>
    </message>
    <message>
        <source>&amp;Personal data</source>
        <translation>Пе&amp;рсональные данные</translation>
    </message>
    <message>
        <source>&amp;Export personal data…</source>
        <translation>&amp;Выгрузить персональные данные…</translation>
    </message>
    <message>
        <source>E&amp;rase this person…</source>
        <translation>&amp;Стереть данные человека…</translation>
    </message>
    <message>
        <source>Log &amp;call</source>
        <translation>Зво&amp;нок</translation>
    </message>
    <message>
        <source>Log &amp;meeting</source>
        <translation>Вс&amp;треча</translation>
    </message>
    <message>
        <source>Add &amp;note</source>
        <translation>За&amp;метка</translation>
    </message>
    <message>
        <source>Add tas&amp;k</source>
        <translation>За&amp;дача</translation>
    </message>
    <message>
        <source>New &amp;deal</source>
        <translation>Сд&amp;елка</translation>
    </message>
    <message>
        <source>New &amp;order</source>
        <translation>З&amp;аказ</translation>
    </message>
    <message>
        <source>Add cont&amp;act</source>
        <translation>&amp;Контакт</translation>
    </message>
    <message>
        <source>New &amp;service case</source>
        <translation>&amp;Обращение</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Хронология</translation>
    </message>
    <message>
        <source>This customer does not exist any more.</source>
        <translation>Этого клиента больше нет.</translation>
    </message>
    <message>
        <source>Opening: {what}</source>
        <translation>Открытие: {what}</translation>
    </message>
</context>
<context>
    <name>CustomerHeader</name>
    <message>
        <source>This customer is in the trash. Restore it from the Trash.</source>
        <translation>Этот клиент в корзине. Восстановите его из корзины.</translation>
    </message>
    <message>
        <source>Status: {label}</source>
        <translation>Статус: {label}</translation>
    </message>
    <message>
        <source>+{value} more</source>
        <translation>ещё {value}</translation>
    </message>
    <message>
        <source>Primary contact: {contact}</source>
        <translation>Основной контакт: {contact}</translation>
    </message>
    <message>
        <source>No contacts yet</source>
        <translation>Контактов пока нет</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <source>Type a name, email or phone…</source>
        <translation>Введите имя, почту или телефон…</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>No date</source>
        <translation>Без даты</translation>
    </message>
    <message>
        <source>Clear the date</source>
        <translation>Очистить дату</translation>
    </message>
</context>
<context>
    <name>DateRange</name>
    <message>
        <source>Show only records whose {lower} date is in a range</source>
        <translation>Показать только записи, у которых дата «{lower}» попадает в период</translation>
    </message>
    <message>
        <source>{label}: {period}</source>
        <translation>{label}: {period}</translation>
    </message>
    <message>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <source>To</source>
        <translation>По</translation>
    </message>
</context>
<context>
    <name>DateWords</name>
    <message>
        <source>today, tomorrow, friday, next week, +3d, in 2 weeks, or a date</source>
        <translation>сегодня, завтра, пятница, через неделю, +3д, через 2 недели или дата</translation>
    </message>
    <message>
        <source>Type a date in words: {hint}</source>
        <translation>Введите дату словами: {hint}</translation>
    </message>
    <message>
        <source>Date in words</source>
        <translation>Дата словами</translation>
    </message>
    <message>
        <source>Quick dates: today, tomorrow, Friday, next week…</source>
        <translation>Быстрый выбор: сегодня, завтра, пятница, через неделю…</translation>
    </message>
    <message>
        <source>Quick dates</source>
        <translation>Быстрый выбор даты</translation>
    </message>
    <message>
        <source>Type a date in words…</source>
        <translation>Ввести дату словами…</translation>
    </message>
    <message>
        <source>Not a date. Try: {hint}</source>
        <translation>Это не дата. Попробуйте: {hint}</translation>
    </message>
</context>
<context>
    <name>DealCardModel</name>
    <message>
        <source>Lost: {value}</source>
        <translation>Проиграна: {value}</translation>
    </message>
</context>
<context>
    <name>DealCombo</name>
    <message>
        <source>— no deal —</source>
        <translation>— без сделки —</translation>
    </message>
</context>
<context>
    <name>DealsPage</name>
    <message>
        <source>Table</source>
        <translation>Таблица</translation>
    </message>
    <message>
        <source>Show the deals as a table</source>
        <translation>Показать сделки таблицей</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>Доска</translation>
    </message>
    <message>
        <source>Show the pipeline board: one column a stage</source>
        <translation>Показать доску воронки: по колонке на этап</translation>
    </message>
</context>
<context>
    <name>DuplicatesView</name>
    <message>
        <source>&lt;b&gt;Find duplicates&lt;/b&gt; — customers entered twice: the same email or phone, or very similar names in the same city.</source>
        <translation>&lt;b&gt;Поиск дубликатов&lt;/b&gt; — клиенты, внесённые дважды: одинаковая почта или телефон либо очень похожие названия в одном городе.</translation>
    </message>
    <message>
        <source>Find duplicates</source>
        <translation>Найти дубликаты</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Press “Find duplicates” to look through the customers.</source>
        <translation>Нажмите «Найти дубликаты», чтобы просмотреть клиентов.</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Объединить…</translation>
    </message>
    <message>
        <source>Looking for duplicates…</source>
        <translation>Поиск дубликатов…</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Остановлено.</translation>
    </message>
    <message>
        <source>Finding duplicates</source>
        <translation>Поиск дубликатов</translation>
    </message>
    <message>
        <source>No duplicates found.</source>
        <translation>Дубликатов не найдено.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln group(s) of likely duplicates (showing the first {shown}).</source>
        <translation>
            <numerusform>%Ln группа вероятных дубликатов (показаны первые {shown}).</numerusform>
            <numerusform>%Ln группы вероятных дубликатов (показаны первые {shown}).</numerusform>
            <numerusform>%Ln групп вероятных дубликатов (показаны первые {shown}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln group(s) of likely duplicates.</source>
        <translation>
            <numerusform>%Ln группа вероятных дубликатов.</numerusform>
            <numerusform>%Ln группы вероятных дубликатов.</numerusform>
            <numerusform>%Ln групп вероятных дубликатов.</numerusform>
        </translation>
    </message>
    <message>
        <source>These customers changed meanwhile; find duplicates again.</source>
        <translation>Эти клиенты тем временем изменились; найдите дубликаты заново.</translation>
    </message>
    <message numerus="yes">
        <source>Merged %n into “{name}” ({moved} moved). Undo it from File → Import history.</source>
        <translation>
            <numerusform>%n запись объединена с «{name}» (перенесено: {moved}). Отменить можно в меню Файл → История импорта.</numerusform>
            <numerusform>%n записи объединены с «{name}» (перенесено: {moved}). Отменить можно в меню Файл → История импорта.</numerusform>
            <numerusform>%n записей объединены с «{name}» (перенесено: {moved}). Отменить можно в меню Файл → История импорта.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merged %n into “{name}”. Undo it from File → Import history.</source>
        <translation>
            <numerusform>%n запись объединена с «{name}». Отменить можно в меню Файл → История импорта.</numerusform>
            <numerusform>%n записи объединены с «{name}». Отменить можно в меню Файл → История импорта.</numerusform>
            <numerusform>%n записей объединены с «{name}». Отменить можно в меню Файл → История импорта.</numerusform>
        </translation>
    </message>
    <message>
        <source>Merging customers</source>
        <translation>Объединение клиентов</translation>
    </message>
</context>
<context>
    <name>Encryption</name>
    <message>
        <source>En&amp;cryption…</source>
        <translation>&amp;Шифрование…</translation>
    </message>
    <message>
        <source>Encrypt the database on this laptop's disk, or show its recovery key</source>
        <translation>Зашифровать базу данных на диске ноутбука или показать ключ восстановления</translation>
    </message>
</context>
<context>
    <name>EncryptionDialog</name>
    <message>
        <source>Encryption</source>
        <translation>Шифрование</translation>
    </message>
    <message>
        <source>Encrypt…</source>
        <translation>Зашифровать…</translation>
    </message>
    <message>
        <source>Stop encrypting…</source>
        <translation>Отключить шифрование…</translation>
    </message>
    <message>
        <source>Show recovery key…</source>
        <translation>Показать ключ восстановления…</translation>
    </message>
    <message>
        <source>This installation cannot encrypt: its SQLCipher library is missing. Reinstall CRM Desktop.</source>
        <translation>Эта установка не умеет шифровать: нет библиотеки SQLCipher. Переустановите CRM Desktop.</translation>
    </message>
    <message>
        <source>The database is not encrypted: anyone who gets this laptop's disk, or a copy of the file, can read it. Encrypting keeps the key in this computer's keyring and gives you a recovery key to print.</source>
        <translation>База данных не зашифрована: её прочтёт любой, у кого окажется диск ноутбука или копия файла. При шифровании ключ хранится в связке ключей этого компьютера, а вы получаете ключ восстановления для печати.</translation>
    </message>
    <message>
        <source>The database is encrypted (AES-256, SQLCipher). Looking for its key in this computer's keyring…</source>
        <translation>База данных зашифрована (AES-256, SQLCipher). Ищем её ключ в связке ключей этого компьютера…</translation>
    </message>
    <message>
        <source>The database is encrypted (AES-256, SQLCipher). Its key is kept in this computer's keyring; the recovery key opens it anywhere else. Backups made from now on are encrypted too.</source>
        <translation>База данных зашифрована (AES-256, SQLCipher). Ключ хранится в связке ключей этого компьютера; на любом другом её открывает ключ восстановления. Резервные копии с этого момента тоже шифруются.</translation>
    </message>
    <message>
        <source>The database is encrypted. Its key is not kept on this computer: you type the recovery key each time it opens.</source>
        <translation>База данных зашифрована. Ключ на этом компьютере не хранится: ключ восстановления вводится при каждом открытии.</translation>
    </message>
    <message>
        <source>Stop encrypting</source>
        <translation>Отключить шифрование</translation>
    </message>
    <message>
        <source>The database will be stored readable by anyone who has the file. A verified backup is made first. Go on?</source>
        <translation>База данных будет храниться так, что её прочтёт любой, у кого есть файл. Сначала будет создана проверенная резервная копия. Продолжить?</translation>
    </message>
    <message>
        <source>The database is now encrypted.</source>
        <translation>База данных зашифрована.</translation>
    </message>
    <message>
        <source>The database is stored unencrypted again.</source>
        <translation>База данных снова хранится без шифрования.</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <source>New field</source>
        <translation>Новое поле</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>e.g. VAT number, Birthday, Preferred courier</source>
        <translation>например, ИНН, День рождения, Служба доставки</translation>
    </message>
    <message>
        <source>One choice a line</source>
        <translation>По одному варианту в строке</translation>
    </message>
    <message>
        <source>Search finds customers by this field</source>
        <translation>Поиск находит клиентов по этому полю</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>Варианты</translation>
    </message>
    <message>
        <source>Saving the field</source>
        <translation>Сохранение поля</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
</context>
<context>
    <name>FieldsPage</name>
    <message>
        <source>Custom fields</source>
        <translation>Свои поля</translation>
    </message>
    <message>
        <source>Add field…</source>
        <translation>Добавить поле…</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Выше</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Ниже</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Your own fields show in the forms, as list columns (right-click a list's header), in exports and in the import's mapping. Changes apply at once; a deleted field goes to the trash with its values.</source>
        <translation>Ваши поля видны в формах, в столбцах списков (щёлкните правой кнопкой по заголовку списка), в выгрузке и в сопоставлении полей при импорте. Изменения применяются сразу; удалённое поле попадает в корзину вместе со значениями.</translation>
    </message>
    <message>
        <source>Fields of</source>
        <translation>Поля для</translation>
    </message>
    <message>
        <source>searchable</source>
        <translation>для поиска</translation>
    </message>
    <message>
        <source>Field added.</source>
        <translation>Поле добавлено.</translation>
    </message>
    <message>
        <source>Field changed; its values are kept.</source>
        <translation>Поле изменено; его значения сохранены.</translation>
    </message>
    <message>
        <source>Moving the field</source>
        <translation>Перемещение поля</translation>
    </message>
    <message>
        <source>Deleting the field</source>
        <translation>Удаление поля</translation>
    </message>
    <message>
        <source>“{name}” is in the trash with its values.</source>
        <translation>«{name}» в корзине вместе со значениями.</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Import: choose a file</source>
        <translation>Импорт: выбор файла</translation>
    </message>
    <message>
        <source>CSV (any encoding, comma, semicolon or tab), Excel .xlsx, or vCards (.vcf).</source>
        <translation>CSV (любая кодировка, разделитель — запятая, точка с запятой или табуляция), Excel .xlsx или vCard (.vcf).</translation>
    </message>
    <message>
        <source>Import:</source>
        <translation>Импортировать:</translation>
    </message>
    <message>
        <source>The file to import</source>
        <translation>Файл для импорта</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Файл:</translation>
    </message>
    <message>
        <source>Columns named as in:</source>
        <translation>Названия столбцов как в:</translation>
    </message>
    <message>
        <source>Import from</source>
        <translation>Импорт из</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Чтение файла…</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search {plural}…  (Ctrl+F)</source>
        <translation>Поиск: {plural}…  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search {plural}</source>
        <translation>Поиск: {plural}</translation>
    </message>
    <message>
        <source>Field filter</source>
        <translation>Фильтр по полю</translation>
    </message>
    <message>
        <source>Filter by one of your own fields</source>
        <translation>Отфильтровать по одному из ваших полей</translation>
    </message>
    <message>
        <source>Show only {plural} of one {lower}</source>
        <translation>Показать только {plural} с одним значением поля «{lower}»</translation>
    </message>
    <message>
        <source>Any {lower}</source>
        <translation>{lower}: любой</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>Любая метка</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <source>Import history</source>
        <translation>История импорта</translation>
    </message>
    <message>
        <source>Undo this import</source>
        <translation>Отменить этот импорт</translation>
    </message>
    <message>
        <source>undone {day}</source>
        <translation>отменён {day}</translation>
    </message>
    <message>
        <source>Nothing was imported yet.</source>
        <translation>Пока ничего не импортировано.</translation>
    </message>
    <message>
        <source>Undo this merge</source>
        <translation>Отменить это объединение</translation>
    </message>
    <message>
        <source>The merged customers come back and their records move back to them.</source>
        <translation>Объединённые клиенты вернутся, и их записи снова перейдут к ним.</translation>
    </message>
    <message>
        <source>Records it created go to the trash; fields it changed get their old values back, unless they were changed since.</source>
        <translation>Созданные им записи отправятся в корзину; изменённые поля получат прежние значения, если их с тех пор не меняли.</translation>
    </message>
    <message>
        <source>Undo: {describe}?</source>
        <translation>Отменить: {describe}?</translation>
    </message>
    <message>
        <source>Undone: {summary}</source>
        <translation>Отменено: {summary}</translation>
    </message>
    <message>
        <source>Undoing</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <source>Reading the file</source>
        <translation>Чтение файла</translation>
    </message>
    <message>
        <source>The import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <source>The import did not work.</source>
        <translation>Импорт не удался.</translation>
    </message>
    <message>
        <source>Importing {name}</source>
        <translation>Импорт {name}</translation>
    </message>
    <message>
        <source>The import was cancelled.</source>
        <translation>Импорт отменён.</translation>
    </message>
</context>
<context>
    <name>InvoiceDialog</name>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Скидка</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Налог</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>Дата оплаты</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Способ</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>&amp;Record payment…</source>
        <translation>&amp;Внести оплату…</translation>
    </message>
    <message>
        <source>&amp;Delete payment</source>
        <translation>&amp;Удалить платёж</translation>
    </message>
    <message>
        <source>Cancel with credit &amp;note…</source>
        <translation>&amp;Аннулировать корректировкой…</translation>
    </message>
    <message>
        <source>Save &amp;PDF…</source>
        <translation>Сохранить &amp;PDF…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Payments&lt;/b&gt;</source>
        <translation>&lt;b&gt;Платежи&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Net {money}</source>
        <translation>Без налога {money}</translation>
    </message>
    <message>
        <source>tax {rate}% on {net}: {tax}</source>
        <translation>налог {rate}% с {net}: {tax}</translation>
    </message>
    <message>
        <source>Total {money}</source>
        <translation>Итого {money}</translation>
    </message>
    <message>
        <source>Deleting the payment</source>
        <translation>Удаление платежа</translation>
    </message>
    <message>
        <source>Payment of {amount} on {number} moved to the trash.</source>
        <translation>Платёж {amount} по {number} перемещён в корзину.</translation>
    </message>
</context>
<context>
    <name>InvoicePrinter</name>
    <message>
        <source>Save the invoice as</source>
        <translation>Сохранить счёт как</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Документ PDF (*.pdf)</translation>
    </message>
    <message numerus="yes">
        <source>Save %Ln invoice(s) in</source>
        <translation>
            <numerusform>Сохранить %Ln счёт в</numerusform>
            <numerusform>Сохранить %Ln счёта в</numerusform>
            <numerusform>Сохранить %Ln счетов в</numerusform>
        </translation>
    </message>
    <message>
        <source>Invoice saved</source>
        <translation>Счёт сохранён</translation>
    </message>
    <message>
        <source>The invoice was saved as {name}.

Open it now?</source>
        <translation>Счёт сохранён как {name}.

Открыть его сейчас?</translation>
    </message>
    <message>
        <source>Select one or more orders to print their invoices.</source>
        <translation>Выберите один или несколько заказов, чтобы напечатать их счета.</translation>
    </message>
    <message>
        <source>Writing {name}…</source>
        <translation>Запись {name}…</translation>
    </message>
    <message>
        <source>Save invoice</source>
        <translation>Сохранить счёт</translation>
    </message>
    <message>
        <source>Invoice saved as {value}.</source>
        <translation>Счёт сохранён как {value}.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln invoice(s) saved in {folder}.</source>
        <translation>
            <numerusform>%Ln счёт сохранён в {folder}.</numerusform>
            <numerusform>%Ln счёта сохранены в {folder}.</numerusform>
            <numerusform>%Ln счетов сохранены в {folder}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LanguageBox</name>
    <message>
        <source>Language of the window</source>
        <translation>Язык интерфейса</translation>
    </message>
    <message>
        <source>As the system ({language})</source>
        <translation>Как в системе ({language})</translation>
    </message>
</context>
<context>
    <name>LinesTable</name>
    <message>
        <source>Order lines</source>
        <translation>Строки заказа</translation>
    </message>
</context>
<context>
    <name>ListCommands</name>
    <message>
        <source>Moving {count_text} to the trash</source>
        <translation>Перемещение в корзину: {count_text}</translation>
    </message>
    <message>
        <source>Setting the {lower}</source>
        <translation>Изменение: {lower}</translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>Добавить метку</translation>
    </message>
    <message>
        <source>Remove tag</source>
        <translation>Снять метку</translation>
    </message>
    <message>
        <source>Tag to add to {what}:</source>
        <translation>Метка, которую добавить ({what}):</translation>
    </message>
    <message>
        <source>Tag to remove from {what}:</source>
        <translation>Метка, которую снять ({what}):</translation>
    </message>
    <message>
        <source>Tagging</source>
        <translation>Расстановка меток</translation>
    </message>
    <message numerus="yes">
        <source>Restored %Ln record(s).</source>
        <translation>
            <numerusform>Восстановлена %Ln запись.</numerusform>
            <numerusform>Восстановлено %Ln записи.</numerusform>
            <numerusform>Восстановлено %Ln записей.</numerusform>
        </translation>
    </message>
    <message>
        <source>Restoring from the trash</source>
        <translation>Восстановление из корзины</translation>
    </message>
    <message>
        <source>Delete for good</source>
        <translation>Удалить навсегда</translation>
    </message>
    <message>
        <source>Delete {what} for good? This cannot be undone.</source>
        <translation>Удалить навсегда: {what}? Это нельзя отменить.</translation>
    </message>
    <message>
        <source>Deleting for good</source>
        <translation>Окончательное удаление</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %Ln record(s) for good.</source>
        <translation>
            <numerusform>Навсегда удалена %Ln запись.</numerusform>
            <numerusform>Навсегда удалено %Ln записи.</numerusform>
            <numerusform>Навсегда удалено %Ln записей.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete everything in the trash for good? This cannot be undone.</source>
        <translation>Навсегда удалить всё из корзины? Это нельзя отменить.</translation>
    </message>
    <message>
        <source>Empty trash</source>
        <translation>Очистить корзину</translation>
    </message>
    <message>
        <source>Emptying the trash</source>
        <translation>Очистка корзины</translation>
    </message>
    <message numerus="yes">
        <source>The trash is empty: %Ln record(s) deleted for good.</source>
        <translation>
            <numerusform>Корзина пуста: навсегда удалена %Ln запись.</numerusform>
            <numerusform>Корзина пуста: навсегда удалено %Ln записи.</numerusform>
            <numerusform>Корзина пуста: навсегда удалено %Ln записей.</numerusform>
        </translation>
    </message>
    <message>
        <source>Undoing: {label}</source>
        <translation>Отмена: {label}</translation>
    </message>
    <message>
        <source>Undone: {label}.</source>
        <translation>Отменено: {label}.</translation>
    </message>
    <message>
        <source>Complete “{title}”</source>
        <translation>Выполнить «{title}»</translation>
    </message>
    <message>
        <source>Done: {title}</source>
        <translation>Выполнено: {title}</translation>
    </message>
    <message>
        <source>Set &amp;{lower}</source>
        <translation>Изменить: &amp;{lower}</translation>
    </message>
</context>
<context>
    <name>ListModel</name>
    <message>
        <source>{title}: this column cannot be sorted.</source>
        <translation>{title}: по этому столбцу нельзя сортировать.</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <source>{command} (Ctrl+N)</source>
        <translation>{command} (Ctrl+N)</translation>
    </message>
    <message>
        <source>Loading the {plural}</source>
        <translation>Загрузка: {plural}</translation>
    </message>
    <message>
        <source>{count}+ {things} (counting…)</source>
        <translation>{things}: {count}+ (идёт подсчёт…)</translation>
    </message>
    <message>
        <source>No {plural} match “{search}”.</source>
        <translation>Ничего не найдено по запросу «{search}» ({plural}).</translation>
    </message>
    <message>
        <source>No {plural} match these filters.</source>
        <translation>Под эти фильтры ничего не подходит ({plural}).</translation>
    </message>
    <message>
        <source>No {plural} yet. Press Ctrl+N to add one.</source>
        <translation>Здесь пока пусто ({plural}). Нажмите Ctrl+N, чтобы добавить.</translation>
    </message>
    <message>
        <source>No {plural}.</source>
        <translation>Пусто ({plural}).</translation>
    </message>
</context>
<context>
    <name>LocaleSetupDialog</name>
    <message>
        <source>Welcome to CRM Desktop</source>
        <translation>Добро пожаловать в CRM Desktop</translation>
    </message>
    <message>
        <source>A few questions to set the app up for your business. You can change every answer later in Preferences.</source>
        <translation>Несколько вопросов, чтобы настроить программу под ваше дело. Любой ответ можно изменить позже в настройках.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>Название компании</translation>
    </message>
    <message>
        <source>As it appears on your invoices</source>
        <translation>Как в ваших счетах</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <source>Country:</source>
        <translation>Страна:</translation>
    </message>
    <message>
        <source>Company name:</source>
        <translation>Название компании:</translation>
    </message>
    <message>
        <source>Phone numbers of {region}, amounts in {currency} ({example}), dates as {date}</source>
        <translation>Телефоны: {region}, суммы в {currency} ({example}), даты в виде {date}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Set &amp;status</source>
        <translation>Изменить &amp;статус</translation>
    </message>
    <message>
        <source>&amp;Undo {what}</source>
        <translation>&amp;Отменить: {what}</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;New record</source>
        <translation>&amp;Новая запись</translation>
    </message>
    <message>
        <source>Set &amp;{lower}</source>
        <translation>Изменить: &amp;{lower}</translation>
    </message>
    <message>
        <source>Building the search index</source>
        <translation>Построение поискового индекса</translation>
    </message>
    <message>
        <source>Checking the search index</source>
        <translation>Проверка поискового индекса</translation>
    </message>
    <message>
        <source>Updating the search index and sort order: {done} of {total}</source>
        <translation>Обновление поискового индекса и порядка сортировки: {done} из {total}</translation>
    </message>
    <message numerus="yes">
        <source>Sample data loaded: %Ln customer(s).</source>
        <translation>
            <numerusform>Загружены примеры: %Ln клиент.</numerusform>
            <numerusform>Загружены примеры: %Ln клиента.</numerusform>
            <numerusform>Загружены примеры: %Ln клиентов.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Import: columns</source>
        <translation>Импорт: столбцы</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>Кодировка:</translation>
    </message>
    <message>
        <source>How the file's bytes are read as text. If names look garbled below, choose another encoding: the file is read again.</source>
        <translation>Как байты файла читаются в текст. Если ниже имена выглядят искажёнными, выберите другую кодировку — файл будет прочитан заново.</translation>
    </message>
    <message>
        <source>Phone numbers without +code are from:</source>
        <translation>Номера без кода страны (+код) — из страны:</translation>
    </message>
    <message>
        <source>The country whose numbers are written without a country code in this file.</source>
        <translation>Страна, номера которой записаны в этом файле без кода страны.</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Столбец в файле</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Пример</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>Импортировать как</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;{file}&lt;/b&gt; — {format}, {details}; %Ln row(s) to import as {noun}</source>
        <translation>
            <numerusform>&lt;b&gt;{file}&lt;/b&gt; — {format}, {details}; %Ln строка для импорта как «{noun}»</numerusform>
            <numerusform>&lt;b&gt;{file}&lt;/b&gt; — {format}, {details}; %Ln строки для импорта как «{noun}»</numerusform>
            <numerusform>&lt;b&gt;{file}&lt;/b&gt; — {format}, {details}; %Ln строк для импорта как «{noun}»</numerusform>
        </translation>
    </message>
    <message>
        <source> (no header row: columns named by position)</source>
        <translation> (без строки заголовков: столбцы названы по порядку)</translation>
    </message>
    <message>
        <source>. Change what a column is imported as in the list; the preview below follows.</source>
        <translation>. Что импортировать из каждого столбца, можно изменить в списке; предпросмотр ниже обновится.</translation>
    </message>
    <message>
        <source> Skipped above the header: “{lines}”.</source>
        <translation> Пропущено над заголовком: «{lines}».</translation>
    </message>
    <message>
        <source>— (a workbook)</source>
        <translation>— (книга Excel)</translation>
    </message>
    <message>
        <source>{encoding} (detected)</source>
        <translation>{encoding} (определена)</translation>
    </message>
    <message>
        <source>{encoding} (chosen)</source>
        <translation>{encoding} (выбрана)</translation>
    </message>
    <message numerus="yes">
        <source>First %Ln row(s): {new} new, {duplicates} duplicates, {refused} refused</source>
        <translation>
            <numerusform>Первая %Ln строка: новых {new}, дубликатов {duplicates}, отклонено {refused}</numerusform>
            <numerusform>Первые %Ln строки: новых {new}, дубликатов {duplicates}, отклонено {refused}</numerusform>
            <numerusform>Первые %Ln строк: новых {new}, дубликатов {duplicates}, отклонено {refused}</numerusform>
        </translation>
    </message>
    <message>
        <source>; {kept} values kept as written in the notes (⚠, orange cells).</source>
        <translation>; значений сохранено в заметках как есть: {kept} (⚠, оранжевые ячейки).</translation>
    </message>
    <message>
        <source>the description</source>
        <translation>описании</translation>
    </message>
    <message>
        <source>the notes</source>
        <translation>заметках</translation>
    </message>
    <message>
        <source>&lt;b&gt;Kept in {notes}&lt;/b&gt; as “Header: value”: {escape}.</source>
        <translation>&lt;b&gt;Сохраняются в {notes}&lt;/b&gt; в виде «Заголовок: значение»: {escape}.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not imported:&lt;/b&gt; {escape}.</source>
        <translation>&lt;b&gt;Не импортируются:&lt;/b&gt; {escape}.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not kept from the cards:&lt;/b&gt; {escape}.</source>
        <translation>&lt;b&gt;Не сохраняется из карточек:&lt;/b&gt; {escape}.</translation>
    </message>
    <message>
        <source>Every column goes into a field.</source>
        <translation>Каждый столбец попадает в поле.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>(empty)</source>
        <translation>(пусто)</translation>
    </message>
    <message>
        <source>Merge customers</source>
        <translation>Объединить клиентов</translation>
    </message>
    <message>
        <source>Choose the customer that stays and, for each field, the value it keeps. The others' contacts, orders, deals, tasks, interactions, service cases, campaigns and tags move to it; they go to the trash. The import history can undo the merge.</source>
        <translation>Выберите клиента, который останется, и для каждого поля — значение, которое он сохранит. Контакты, заказы, сделки, задачи, взаимодействия, обращения, кампании и метки остальных перейдут к нему, а сами они отправятся в корзину. Объединение можно отменить в истории импорта.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Keep&lt;/b&gt;</source>
        <translation>&lt;b&gt;Оставить&lt;/b&gt;</translation>
    </message>
    <message>
        <source>this one (#{id})</source>
        <translation>этот (№{id})</translation>
    </message>
    <message>
        <source>Has</source>
        <translation>Имеет</translation>
    </message>
    <message>
        <source>{counts}; tags: {tags}</source>
        <translation>{counts}; метки: {tags}</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Объединить</translation>
    </message>
</context>
<context>
    <name>MoneyEdit</name>
    <message>
        <source>Amount in {currency}</source>
        <translation>Сумма в {currency}</translation>
    </message>
</context>
<context>
    <name>OpeningPage</name>
    <message>
        <source>Opening {escape}…</source>
        <translation>Открытие {escape}…</translation>
    </message>
</context>
<context>
    <name>OrderForm</name>
    <message>
        <source>Unit prices include tax</source>
        <translation>Цены включают налог</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>Цены</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Строки</translation>
    </message>
    <message>
        <source>Problems in the lines</source>
        <translation>Ошибки в строках</translation>
    </message>
    <message>
        <source>&amp;Add line</source>
        <translation>&amp;Добавить строку</translation>
    </message>
    <message>
        <source>Add a line (Insert)</source>
        <translation>Добавить строку (Insert)</translation>
    </message>
    <message>
        <source>&amp;Remove line</source>
        <translation>&amp;Удалить строку</translation>
    </message>
    <message>
        <source>Remove the current line (Ctrl+Delete)</source>
        <translation>Удалить текущую строку (Ctrl+Delete)</translation>
    </message>
    <message>
        <source>Net and tax</source>
        <translation>Без налога и налог</translation>
    </message>
    <message>
        <source>Total:</source>
        <translation>Итого:</translation>
    </message>
    <message>
        <source>Order total</source>
        <translation>Сумма заказа</translation>
    </message>
    <message>
        <source>automatic ({number_pattern})</source>
        <translation>автоматически ({number_pattern})</translation>
    </message>
    <message>
        <source>Net {money}</source>
        <translation>Без налога {money}</translation>
    </message>
    <message>
        <source>tax {rate}% {money}</source>
        <translation>налог {rate}% {money}</translation>
    </message>
</context>
<context>
    <name>OrderLinesModel</name>
    <message>
        <source>Unit price ({currency}, incl. tax)</source>
        <translation>Цена ({currency}, с налогом)</translation>
    </message>
    <message>
        <source>Unit price ({currency})</source>
        <translation>Цена ({currency})</translation>
    </message>
</context>
<context>
    <name>OverdueNotice</name>
    <message numerus="yes">
        <source>%Ln invoice(s) overdue: {owed} owed since {since}</source>
        <translation>
            <numerusform>%Ln счёт просрочен: долг {owed} с {since}</numerusform>
            <numerusform>%Ln счёта просрочены: долг {owed} с {since}</numerusform>
            <numerusform>%Ln счетов просрочены: долг {owed} с {since}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln invoice(s) overdue: {owed} owed</source>
        <translation>
            <numerusform>%Ln счёт просрочен: долг {owed}</numerusform>
            <numerusform>%Ln счёта просрочены: долг {owed}</numerusform>
            <numerusform>%Ln счетов просрочены: долг {owed}</numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ {escape} — &lt;a href='show'&gt;Show&lt;/a&gt;</source>
        <translation>⚠ {escape} — &lt;a href='show'&gt;Показать&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>PaymentForm</name>
    <message>
        <source>Invoice:</source>
        <translation>Счёт:</translation>
    </message>
    <message>
        <source>Amount ({currency})</source>
        <translation>Сумма ({currency})</translation>
    </message>
    <message>
        <source>{number} · {buyer_name} · {money}, {money2} to pay</source>
        <translation>{number} · {buyer_name} · {money}, к оплате {money2}</translation>
    </message>
    <message>
        <source>At most {money}: the rest of the invoice.</source>
        <translation>Не больше {money} — остатка по счёту.</translation>
    </message>
    <message>
        <source>A payment is more than zero.</source>
        <translation>Сумма платежа должна быть больше нуля.</translation>
    </message>
</context>
<context>
    <name>PersonData</name>
    <message>
        <source>customer record</source>
        <translation>карточка клиента</translation>
    </message>
    <message>
        <source>contacts</source>
        <translation>контакты</translation>
    </message>
    <message>
        <source>tag links</source>
        <translation>привязки меток</translation>
    </message>
    <message>
        <source>deals</source>
        <translation>сделки</translation>
    </message>
    <message>
        <source>orders</source>
        <translation>заказы</translation>
    </message>
    <message>
        <source>order lines</source>
        <translation>строки заказов</translation>
    </message>
    <message>
        <source>quotes</source>
        <translation>предложения</translation>
    </message>
    <message>
        <source>quote lines</source>
        <translation>строки предложений</translation>
    </message>
    <message>
        <source>tasks</source>
        <translation>задачи</translation>
    </message>
    <message>
        <source>calls, meetings and notes</source>
        <translation>звонки, встречи и заметки</translation>
    </message>
    <message>
        <source>service cases</source>
        <translation>обращения</translation>
    </message>
    <message>
        <source>campaign memberships</source>
        <translation>участие в кампаниях</translation>
    </message>
    <message>
        <source>records in the trash</source>
        <translation>записи в корзине</translation>
    </message>
    <message>
        <source>Export personal data</source>
        <translation>Выгрузка персональных данных</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Exporting personal data</source>
        <translation>Выгрузка персональных данных</translation>
    </message>
    <message>
        <source>Wrote {path}.</source>
        <translation>Записано: {path}.</translation>
    </message>
    <message>
        <source>• {when} UTC — {name} (could not be read: it may hold them)</source>
        <translation>• {when} UTC — {name} (не удалось прочитать: данные могут быть в ней)</translation>
    </message>
    <message>
        <source>This deletes {what} “{name}” for good, with everything that belongs to them, not to the trash:</source>
        <translation>Это навсегда удалит {what} «{name}» со всем, что к нему относится, минуя корзину:</translation>
    </message>
    <message>
        <source>Invoices {numbers} are kept: they are legal records.</source>
        <translation>Счета {numbers} сохраняются: это юридические документы.</translation>
    </message>
    <message>
        <source>These backups still hold them (delete them to erase them there too):</source>
        <translation>Эти данные остаются в резервных копиях (удалите копии, чтобы стереть их и там):</translation>
    </message>
    <message>
        <source>No backup holds them.</source>
        <translation>Ни в одной резервной копии их нет.</translation>
    </message>
    <message>
        <source>This cannot be undone.</source>
        <translation>Это нельзя отменить.</translation>
    </message>
    <message>
        <source>Erase this person</source>
        <translation>Стереть данные человека</translation>
    </message>
    <message>
        <source>Erase “{name}” for good?</source>
        <translation>Навсегда стереть «{name}»?</translation>
    </message>
    <message>
        <source>Erase for good</source>
        <translation>Стереть навсегда</translation>
    </message>
    <message>
        <source>Erasing a person</source>
        <translation>Стирание персональных данных</translation>
    </message>
</context>
<context>
    <name>PipelineBoard</name>
    <message>
        <source>Pipeline</source>
        <translation>Воронка</translation>
    </message>
    <message>
        <source>Drag a card to move a deal · Ctrl+←/→ moves the selected card</source>
        <translation>Перетащите карточку, чтобы перенести сделку · Ctrl+←/→ перемещает выбранную</translation>
    </message>
    <message>
        <source>Loading the pipeline</source>
        <translation>Загрузка воронки</translation>
    </message>
    <message numerus="yes">
        <source>%Ln open deal(s)  ·  total {money}  ·  weighted forecast {forecast}</source>
        <translation>
            <numerusform>%Ln открытая сделка  ·  всего {money}  ·  взвешенный прогноз {forecast}</numerusform>
            <numerusform>%Ln открытые сделки  ·  всего {money}  ·  взвешенный прогноз {forecast}</numerusform>
            <numerusform>%Ln открытых сделок  ·  всего {money}  ·  взвешенный прогноз {forecast}</numerusform>
        </translation>
    </message>
    <message>
        <source>Moving the deal</source>
        <translation>Перенос сделки</translation>
    </message>
    <message>
        <source>Moved “%1” to %2.</source>
        <translation>«%1» перенесена на этап «%2».</translation>
    </message>
</context>
<context>
    <name>PolicyPage</name>
    <message>
        <source>Import: duplicates</source>
        <translation>Импорт: дубликаты</translation>
    </message>
    <message>
        <source>A row is a duplicate when it has the email or phone of an existing record, or the same name (customers: in the same city; contacts: at the same customer; products: the same SKU).</source>
        <translation>Строка считается дубликатом, если у неё почта или телефон существующей записи либо то же имя (клиенты — в том же городе; контакты — у того же клиента; товары — тот же артикул).</translation>
    </message>
    <message>
        <source>Empty cells never erase anything, and tags are only added. Importing the same file twice creates nothing the second time. Every import can be undone from the import history.</source>
        <translation>Пустые ячейки ничего не стирают, а метки только добавляются. Повторный импорт того же файла ничего не создаст. Любой импорт можно отменить в истории импорта.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
    <message>
        <source>Your company (on invoices and reports)</source>
        <translation>Ваша компания (в счетах и отчётах)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Tax / VAT number</source>
        <translation>ИНН / налоговый номер</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Логотип</translation>
    </message>
    <message>
        <source>Money, dates and phone numbers</source>
        <translation>Деньги, даты и телефоны</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <source>Locale</source>
        <translation>Региональные форматы</translation>
    </message>
    <message>
        <source>Phone country</source>
        <translation>Страна телефонов</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>Размер бумаги</translation>
    </message>
    <message>
        <source>Order numbers start with</source>
        <translation>Номера заказов начинаются с</translation>
    </message>
    <message>
        <source>Looks like</source>
        <translation>Пример</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Общие</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Поля</translation>
    </message>
    <message>
        <source>Choose a country from the list.</source>
        <translation>Выберите страну из списка.</translation>
    </message>
    <message>
        <source>Two letters, such as US, GB or RU.</source>
        <translation>Две буквы, например US, GB или RU.</translation>
    </message>
    <message>
        <source>Three letters, such as USD, EUR or RUB.</source>
        <translation>Три буквы, например USD, EUR или RUB.</translation>
    </message>
    <message>
        <source>Language and country, such as en_US, de_DE or ru_RU.</source>
        <translation>Язык и страна, например en_US, de_DE или ru_RU.</translation>
    </message>
    <message>
        <source>At most 20 characters.</source>
        <translation>Не более 20 символов.</translation>
    </message>
    <message>
        <source>The currency stays {currency}: the amounts already stored are in it.</source>
        <translation>Валюта остаётся {currency}: в ней записаны уже сохранённые суммы.</translation>
    </message>
    <message>
        <source>Choose the company logo</source>
        <translation>Выберите логотип компании</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Изображения (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Cannot read {name}: {reason}.</source>
        <translation>Не удалось прочитать {name}: {reason}.</translation>
    </message>
    <message>
        <source>{name} is larger than 2 MB: choose a smaller image.</source>
        <translation>{name} больше 2 МБ: выберите изображение поменьше.</translation>
    </message>
    <message>
        <source>{name} is not a PNG or JPEG image.</source>
        <translation>{name} — не изображение PNG или JPEG.</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Нет логотипа</translation>
    </message>
    <message>
        <source>Saving the preferences</source>
        <translation>Сохранение настроек</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Line</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <source>Kept as written in the notes: {reasons}</source>
        <translation>Сохранено в заметках как есть: {reasons}</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Print preview — %1</source>
        <translation>Предпросмотр печати — %1</translation>
    </message>
    <message>
        <source>Preparing %1 for printing</source>
        <translation>Подготовка %1 к печати</translation>
    </message>
</context>
<context>
    <name>ProductForm</name>
    <message>
        <source>default ({default})</source>
        <translation>по умолчанию ({default})</translation>
    </message>
</context>
<context>
    <name>ProductPicker</name>
    <message>
        <source>Type a product name or SKU…</source>
        <translation>Введите название или артикул товара…</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Товар</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>неактивен</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Drive</source>
        <translation>Диск</translation>
    </message>
</context>
<context>
    <name>QCoreApplication.self</name>
    <message>
        <source>The database has problems:

{lines}

Restore a verified backup, or keep working and back up elsewhere first.</source>
        <translation>В базе данных есть проблемы:

{lines}

Восстановите проверенную резервную копию или, прежде чем продолжать работу, сделайте копию в другом месте.</translation>
    </message>
    <message>
        <source>The database is healthy.

{lines}</source>
        <translation>База данных в порядке.

{lines}</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Папка:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;Тип файлов:</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>QuickLogDialog</name>
    <message>
        <source>What was said, what comes next</source>
        <translation>О чём говорили и что дальше</translation>
    </message>
</context>
<context>
    <name>QuoteForm</name>
    <message>
        <source>automatic ({pattern})</source>
        <translation>автоматически ({pattern})</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Сохранить (Ctrl+S)</translation>
    </message>
    <message>
        <source>{caption_text} problem</source>
        <translation>{caption_text}: ошибка</translation>
    </message>
    <message>
        <source>{label} ({currency})</source>
        <translation>{label} ({currency})</translation>
    </message>
    <message>
        <source>Fix first: {fields}</source>
        <translation>Сначала исправьте: {fields}</translation>
    </message>
    <message>
        <source>Saving: {label}</source>
        <translation>Сохранение: {label}</translation>
    </message>
    <message>
        <source>Save your changes before closing?</source>
        <translation>Сохранить изменения перед закрытием?</translation>
    </message>
    <message>
        <source>If you don't save, your changes will be lost.</source>
        <translation>Если не сохранить, изменения будут потеряны.</translation>
    </message>
</context>
<context>
    <name>RecordTable</name>
    <message>
        <source>Nothing here yet.</source>
        <translation>Здесь пока ничего нет.</translation>
    </message>
    <message>
        <source>Reset columns</source>
        <translation>Сбросить столбцы</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Print &amp;invoice…</source>
        <translation>Печать &amp;счёта…</translation>
    </message>
    <message>
        <source>Print the selected orders' invoices (a preview, then the print dialog)</source>
        <translation>Напечатать счета выбранных заказов (предпросмотр, затем окно печати)</translation>
    </message>
    <message>
        <source>Save invoice as P&amp;DF…</source>
        <translation>Сохранить счёт в P&amp;DF…</translation>
    </message>
    <message>
        <source>Save the selected orders' invoices as PDF files</source>
        <translation>Сохранить счета выбранных заказов в файлы PDF</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <source>&lt;h2&gt;Reports&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Отчёты&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Sales reports for a period, as a PDF to print or send, or as a spreadsheet for your accountant. Every figure is computed from the orders, deals and tasks as they are now.</source>
        <translation>Отчёты о продажах за период — в PDF для печати или отправки либо таблицей для бухгалтера. Все цифры считаются по заказам, сделкам и задачам в их текущем виде.</translation>
    </message>
    <message>
        <source>Custom dates</source>
        <translation>Свои даты</translation>
    </message>
    <message>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <source>Re&amp;port:</source>
        <translation>&amp;Отчёт:</translation>
    </message>
    <message>
        <source>Per&amp;iod:</source>
        <translation>Пер&amp;иод:</translation>
    </message>
    <message>
        <source>Gro&amp;uping:</source>
        <translation>&amp;Группировка:</translation>
    </message>
    <message>
        <source>For&amp;mat:</source>
        <translation>Фор&amp;мат:</translation>
    </message>
    <message>
        <source>&amp;Generate…</source>
        <translation>Созд&amp;ать…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>О&amp;ткрыть</translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation>Показать в папк&amp;е</translation>
    </message>
    <message>
        <source>Pri&amp;nt…</source>
        <translation>Пе&amp;чать…</translation>
    </message>
    <message>
        <source>Print this report: a preview, then the print dialog</source>
        <translation>Напечатать отчёт: предпросмотр, затем окно печати</translation>
    </message>
    <message>
        <source>The period starts after it ends: change the dates.</source>
        <translation>Начало периода позже его конца: измените даты.</translation>
    </message>
    <message>
        <source>The customers of the customer table's current search, filters and sort (all customers when the table was not opened).</source>
        <translation>Клиенты согласно текущему поиску, фильтрам и сортировке таблицы клиентов (все клиенты, если таблицу не открывали).</translation>
    </message>
    <message numerus="yes">
        <source>{label} (%Ln day(s))</source>
        <translation>
            <numerusform>{label} (%Ln день)</numerusform>
            <numerusform>{label} (%Ln дня)</numerusform>
            <numerusform>{label} (%Ln дней)</numerusform>
        </translation>
    </message>
    <message>
        <source>By day</source>
        <translation>По дням</translation>
    </message>
    <message>
        <source>By week</source>
        <translation>По неделям</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>По месяцам</translation>
    </message>
    <message>
        <source>By quarter</source>
        <translation>По кварталам</translation>
    </message>
    <message>
        <source>Save the report as</source>
        <translation>Сохранить отчёт как</translation>
    </message>
    <message>
        <source>Writing {name}…</source>
        <translation>Запись {name}…</translation>
    </message>
    <message>
        <source>{label} report</source>
        <translation>Отчёт «{label}»</translation>
    </message>
    <message>
        <source>Saved &lt;b&gt;{html}&lt;/b&gt; in {html2}</source>
        <translation>&lt;b&gt;{html}&lt;/b&gt; сохранён в {html2}</translation>
    </message>
    <message>
        <source>Cancelled: no file was written.</source>
        <translation>Отменено: файл не записан.</translation>
    </message>
</context>
<context>
    <name>RestoreFlow</name>
    <message>
        <source>Checking the backup…</source>
        <translation>Проверка резервной копии…</translation>
    </message>
    <message>
        <source>Checking the backup</source>
        <translation>Проверка резервной копии</translation>
    </message>
    <message>
        <source>Another task is still running (an import, a report…). Wait for it to finish, then restore again. Nothing was changed.</source>
        <translation>Ещё выполняется другая задача (импорт, отчёт…). Дождитесь её окончания и повторите восстановление. Ничего не изменено.</translation>
    </message>
    <message>
        <source>Keeping a safety copy of the current data and restoring…</source>
        <translation>Сохранение страховочной копии текущих данных и восстановление…</translation>
    </message>
    <message>
        <source>Reopening the database</source>
        <translation>Повторное открытие базы данных</translation>
    </message>
</context>
<context>
    <name>SavedViews</name>
    <message>
        <source>Save &amp;view…</source>
        <translation>Со&amp;хранить вид…</translation>
    </message>
    <message>
        <source>Keep this list's search, filters, sort and columns under a name</source>
        <translation>Сохранить поиск, фильтры, сортировку и столбцы этого списка под именем</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <source>Save view</source>
        <translation>Сохранить вид</translation>
    </message>
    <message>
        <source>Open a list first: a view keeps a list.</source>
        <translation>Сначала откройте список: вид сохраняет список.</translation>
    </message>
    <message>
        <source>Saving the view</source>
        <translation>Сохранение вида</translation>
    </message>
    <message>
        <source>View “{name}” saved.</source>
        <translation>Вид «{name}» сохранён.</translation>
    </message>
    <message>
        <source>Opening the view</source>
        <translation>Открытие вида</translation>
    </message>
    <message>
        <source>Rename view</source>
        <translation>Переименовать вид</translation>
    </message>
    <message>
        <source>Renaming the view</source>
        <translation>Переименование вида</translation>
    </message>
    <message>
        <source>View “{name}” deleted.</source>
        <translation>Вид «{name}» удалён.</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Переименовать…</translation>
    </message>
    <message>
        <source>&amp;Update to what the list shows</source>
        <translation>&amp;Обновить по текущему списку</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>&amp;Выше</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>&amp;Ниже</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Удалить</translation>
    </message>
</context>
<context>
    <name>SearchReason</name>
    <message>
        <source>email</source>
        <translation>почта</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>телефон</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>контакт</translation>
    </message>
    <message>
        <source>city</source>
        <translation>город</translation>
    </message>
    <message>
        <source>country</source>
        <translation>страна</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>метка</translation>
    </message>
</context>
<context>
    <name>SellingPreferences</name>
    <message>
        <source>Invoices and taxes</source>
        <translation>Счета и налоги</translation>
    </message>
    <message>
        <source>{YYYY} or {YY}: the year; {NNNN}: the number with as many digits as N</source>
        <translation>{YYYY} или {YY} — год; {NNNN} — номер с таким числом цифр, сколько букв N</translation>
    </message>
    <message>
        <source>Credit notes need a format other than invoices'.</source>
        <translation>У корректировочных счетов должен быть формат номера, отличный от счетов.</translation>
    </message>
    <message>
        <source>At most 20 characters.</source>
        <translation>Не более 20 символов.</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Command</source>
        <translation>Команда</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <source>Menu keys</source>
        <translation>Клавиши меню</translation>
    </message>
    <message>
        <source>On this screen</source>
        <translation>На этом экране</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
</context>
<context>
    <name>ShowRecoveryKeyDialog</name>
    <message>
        <source>Recovery key</source>
        <translation>Ключ восстановления</translation>
    </message>
    <message>
        <source>This key opens the database and every backup made from it. CRM Desktop keeps it in this computer's keyring; you need it when that is gone: on a new computer, after reinstalling the system, or to open a backup elsewhere. Without it nobody can read the data, not even you, and nobody can recover it for you. Print it or write it down, and keep it apart from this laptop.</source>
        <translation>Этот ключ открывает базу данных и все сделанные с неё резервные копии. CRM Desktop хранит его в связке ключей этого компьютера; он понадобится, когда её не станет: на новом компьютере, после переустановки системы или чтобы открыть копию в другом месте. Без него данные не прочтёт никто, даже вы, и никто не сможет их восстановить. Распечатайте или запишите его и храните отдельно от ноутбука.</translation>
    </message>
    <message>
        <source>Save the page to print (PDF)…</source>
        <translation>Сохранить лист для печати (PDF)…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>I have printed or written down this key, and keep it apart from this laptop</source>
        <translation>Ключ распечатан или записан и хранится отдельно от ноутбука</translation>
    </message>
    <message>
        <source>Encrypt</source>
        <translation>Зашифровать</translation>
    </message>
    <message>
        <source>Save the recovery key</source>
        <translation>Сохранить ключ восстановления</translation>
    </message>
    <message>
        <source>Saved to %1. Print it, then keep the paper, not the file on this laptop.</source>
        <translation>Сохранено в %1. Распечатайте его и храните бумагу, а не файл на этом ноутбуке.</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Sections</source>
        <translation>Разделы</translation>
    </message>
</context>
<context>
    <name>SortJob</name>
    <message>
        <source>Sorting the lists in the new language's order</source>
        <translation>Списки упорядочиваются по правилам нового языка</translation>
    </message>
</context>
<context>
    <name>StageColumn</name>
    <message>
        <source>{label} deals</source>
        <translation>Сделки: {label}</translation>
    </message>
    <message>
        <source>{count} deals</source>
        <translation>Сделок: {count}</translation>
    </message>
    <message>
        <source>Total {money}</source>
        <translation>Итого {money}</translation>
    </message>
    <message>
        <source>Weighted {money}</source>
        <translation>Взвешенно {money}</translation>
    </message>
    <message numerus="yes">
        <source>Show all %Ln</source>
        <translation>
            <numerusform>Показать все %Ln</numerusform>
            <numerusform>Показать все %Ln</numerusform>
            <numerusform>Показать все %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show the last %Ln</source>
        <translation>
            <numerusform>Показать последние %Ln</numerusform>
            <numerusform>Показать последние %Ln</numerusform>
            <numerusform>Показать последние %Ln</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>Why it was not imported</source>
        <translation>Почему не импортирована</translation>
    </message>
    <message>
        <source>Save refused rows…</source>
        <translation>Сохранить отклонённые строки…</translation>
    </message>
    <message>
        <source>Undo this import</source>
        <translation>Отменить этот импорт</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Imported {source}.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Импортировано: {source}.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Nothing was imported: the database is as it was. Go back to change the file or the columns.</source>
        <translation>Ничего не импортировано: база данных не изменилась. Вернитесь, чтобы изменить файл или столбцы.</translation>
    </message>
    <message>
        <source>Saving the refused rows</source>
        <translation>Сохранение отклонённых строк</translation>
    </message>
    <message>
        <source>&lt;b&gt;Imported {source}.&lt;/b&gt; Refused rows saved to {saved}.</source>
        <translation>&lt;b&gt;Импортировано: {source}.&lt;/b&gt; Отклонённые строки сохранены в {saved}.</translation>
    </message>
    <message>
        <source>Undo this import?</source>
        <translation>Отменить этот импорт?</translation>
    </message>
    <message>
        <source>Records it created go to the trash and the fields it changed get their old values back.</source>
        <translation>Созданные им записи отправятся в корзину, а изменённые поля получат прежние значения.</translation>
    </message>
    <message>
        <source>Import undone</source>
        <translation>Импорт отменён</translation>
    </message>
    <message>
        <source>Undone: {summary}</source>
        <translation>Отменено: {summary}</translation>
    </message>
    <message>
        <source>Undoing the import</source>
        <translation>Отмена импорта</translation>
    </message>
</context>
<context>
    <name>TagsEdit</name>
    <message>
        <source>e.g. VIP, newsletter</source>
        <translation>например: VIP, рассылка</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Call</source>
        <translation>Звонок</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Встреча</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Визит</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Добавлено</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Изменено</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Удалено</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Восстановлено</translation>
    </message>
    <message>
        <source>Customer added</source>
        <translation>Клиент добавлен</translation>
    </message>
    <message>
        <source>Customer changed</source>
        <translation>Клиент изменён</translation>
    </message>
    <message>
        <source>Customer moved to the trash</source>
        <translation>Клиент перемещён в корзину</translation>
    </message>
    <message>
        <source>Customer restored</source>
        <translation>Клиент восстановлен</translation>
    </message>
    <message>
        <source>Contact “{name}” added</source>
        <translation>Контакт «{name}» добавлен</translation>
    </message>
    <message>
        <source>Contact “{name}” changed</source>
        <translation>Контакт «{name}» изменён</translation>
    </message>
    <message>
        <source>Contact “{name}” moved to the trash</source>
        <translation>Контакт «{name}» перемещён в корзину</translation>
    </message>
    <message>
        <source>Contact “{name}” restored</source>
        <translation>Контакт «{name}» восстановлен</translation>
    </message>
    <message>
        <source>Deal “{name}” added</source>
        <translation>Сделка «{name}» добавлена</translation>
    </message>
    <message>
        <source>Deal “{name}” changed</source>
        <translation>Сделка «{name}» изменена</translation>
    </message>
    <message>
        <source>Deal “{name}” moved to the trash</source>
        <translation>Сделка «{name}» перемещена в корзину</translation>
    </message>
    <message>
        <source>Deal “{name}” restored</source>
        <translation>Сделка «{name}» восстановлена</translation>
    </message>
    <message>
        <source>Order “{name}” added</source>
        <translation>Заказ «{name}» добавлен</translation>
    </message>
    <message>
        <source>Order “{name}” changed</source>
        <translation>Заказ «{name}» изменён</translation>
    </message>
    <message>
        <source>Order “{name}” moved to the trash</source>
        <translation>Заказ «{name}» перемещён в корзину</translation>
    </message>
    <message>
        <source>Order “{name}” restored</source>
        <translation>Заказ «{name}» восстановлен</translation>
    </message>
    <message>
        <source>Task “{name}” added</source>
        <translation>Задача «{name}» добавлена</translation>
    </message>
    <message>
        <source>Task “{name}” changed</source>
        <translation>Задача «{name}» изменена</translation>
    </message>
    <message>
        <source>Task “{name}” moved to the trash</source>
        <translation>Задача «{name}» перемещена в корзину</translation>
    </message>
    <message>
        <source>Task “{name}” restored</source>
        <translation>Задача «{name}» восстановлена</translation>
    </message>
    <message>
        <source>Service case “{name}” added</source>
        <translation>Обращение «{name}» добавлено</translation>
    </message>
    <message>
        <source>Service case “{name}” changed</source>
        <translation>Обращение «{name}» изменено</translation>
    </message>
    <message>
        <source>Service case “{name}” moved to the trash</source>
        <translation>Обращение «{name}» перемещено в корзину</translation>
    </message>
    <message>
        <source>Service case “{name}” restored</source>
        <translation>Обращение «{name}» восстановлено</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Timeline</source>
        <translation>Хронология</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Tasks due</source>
        <translation>Задачи к сроку</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Приоритет</translation>
    </message>
    <message>
        <source>All tasks →</source>
        <translation>Все задачи →</translation>
    </message>
    <message>
        <source>Deals closing within {CLOSING_DAYS} days</source>
        <translation>Сделки с закрытием в ближайшие {CLOSING_DAYS} дней</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Сделка</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Этап</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Ожидается</translation>
    </message>
    <message>
        <source>All deals →</source>
        <translation>Все сделки →</translation>
    </message>
    <message>
        <source>Recent interactions (last {RECENT_DAYS} days)</source>
        <translation>Недавние взаимодействия (за {RECENT_DAYS} дней)</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>All interactions →</source>
        <translation>Все взаимодействия →</translation>
    </message>
    <message>
        <source>Today, {toString}</source>
        <translation>Сегодня, {toString}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln overdue</source>
        <translation>
            <numerusform>%Ln просрочена</numerusform>
            <numerusform>%Ln просрочены</numerusform>
            <numerusform>%Ln просрочено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln due today</source>
        <translation>
            <numerusform>%Ln на сегодня</numerusform>
            <numerusform>%Ln на сегодня</numerusform>
            <numerusform>%Ln на сегодня</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln deal(s) closing within {days} days</source>
        <translation>
            <numerusform>%Ln сделка закрывается в ближайшие {days} дней</numerusform>
            <numerusform>%Ln сделки закрываются в ближайшие {days} дней</numerusform>
            <numerusform>%Ln сделок закрываются в ближайшие {days} дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Due today (%Ln)</source>
        <translation>
            <numerusform>На сегодня (%Ln)</numerusform>
            <numerusform>На сегодня (%Ln)</numerusform>
            <numerusform>На сегодня (%Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Overdue (%Ln), newest first</source>
        <translation>
            <numerusform>Просрочено (%Ln), сначала новые</numerusform>
            <numerusform>Просрочено (%Ln), сначала новые</numerusform>
            <numerusform>Просрочено (%Ln), сначала новые</numerusform>
        </translation>
    </message>
    <message>
        <source>Tick to mark “{title}” done</source>
        <translation>Отметьте, чтобы выполнить «{title}»</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Просрочено</translation>
    </message>
    <message>
        <source>Nothing due today. Well done.</source>
        <translation>На сегодня ничего нет. Отлично!</translation>
    </message>
    <message>
        <source>Closing soon</source>
        <translation>Скоро закрытие</translation>
    </message>
    <message>
        <source>Past their expected close date</source>
        <translation>Срок закрытия прошёл</translation>
    </message>
    <message>
        <source>Past its expected close date</source>
        <translation>Срок закрытия прошёл</translation>
    </message>
    <message>
        <source>No open deal closes within {CLOSING_DAYS} days.</source>
        <translation>В ближайшие {CLOSING_DAYS} дней ни одна открытая сделка не закрывается.</translation>
    </message>
    <message>
        <source>No calls, meetings or notes in {RECENT_DAYS} days.</source>
        <translation>За {RECENT_DAYS} дней не было звонков, встреч и заметок.</translation>
    </message>
    <message>
        <source>Completing the task</source>
        <translation>Выполнение задачи</translation>
    </message>
</context>
<context>
    <name>TransferFeature</name>
    <message>
        <source>Undoing the import</source>
        <translation>Отмена импорта</translation>
    </message>
    <message>
        <source>Import undone: {summary}</source>
        <translation>Импорт отменён: {summary}</translation>
    </message>
    <message>
        <source>Imported {source}: {summary}</source>
        <translation>Импортировано из {source}: {summary}</translation>
    </message>
    <message>
        <source>Open a table (customers, orders…) to export it.</source>
        <translation>Откройте таблицу (клиенты, заказы…), чтобы выгрузить её.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln row(s) to {path}</source>
        <translation>
            <numerusform>Выгружена %Ln строка в {path}</numerusform>
            <numerusform>Выгружено %Ln строки в {path}</numerusform>
            <numerusform>Выгружено %Ln строк в {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrashPage</name>
    <message>
        <source>Restore</source>
        <translation>Восстановить</translation>
    </message>
    <message>
        <source>Bring the selected records back (Ctrl+R)</source>
        <translation>Вернуть выбранные записи (Ctrl+R)</translation>
    </message>
    <message>
        <source>Delete for good…</source>
        <translation>Удалить навсегда…</translation>
    </message>
    <message>
        <source>Delete the selected records for good (Shift+Delete)</source>
        <translation>Навсегда удалить выбранные записи (Shift+Delete)</translation>
    </message>
    <message>
        <source>Empty trash…</source>
        <translation>Очистить корзину…</translation>
    </message>
    <message>
        <source>Delete everything in the trash for good</source>
        <translation>Навсегда удалить всё, что лежит в корзине</translation>
    </message>
    <message>
        <source>The trash is empty.</source>
        <translation>Корзина пуста.</translation>
    </message>
    <message>
        <source>Nothing in the trash matches.</source>
        <translation>В корзине ничего не найдено.</translation>
    </message>
</context>
<context>
    <name>WindowStatusBar</name>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Частное лицо</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Лид</translation>
    </message>
    <message>
        <source>Prospect</source>
        <translation>Потенциальный</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Активный</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Неактивный</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Черновик</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Подтверждён</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Оплачено</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Отгружен</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменён</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Отправлено</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Принято</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Отклонено</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Истекло</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Счёт</translation>
    </message>
    <message>
        <source>Credit note</source>
        <translation>Корректировочный счёт</translation>
    </message>
    <message>
        <source>Partly paid</source>
        <translation>Частично оплачен</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Просрочено</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>Банковский перевод</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Наличные</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Карта</translation>
    </message>
    <message>
        <source>Per line</source>
        <translation>По каждой строке</translation>
    </message>
    <message>
        <source>Per document</source>
        <translation>По документу</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Новая</translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation>Квалифицирована</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Предложение</translation>
    </message>
    <message>
        <source>Negotiation</source>
        <translation>Переговоры</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Выиграна</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Проиграна</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыто</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>В работе</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Решено</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Закрыто</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Низкий</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Обычный</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Высокий</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Срочный</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Вопрос</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Жалоба</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>Ремонт</translation>
    </message>
    <message>
        <source>Warranty</source>
        <translation>Гарантия</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Возврат</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Звонок</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Встреча</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Визит</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Мероприятие</translation>
    </message>
    <message>
        <source>Advertising</source>
        <translation>Реклама</translation>
    </message>
    <message>
        <source>Social</source>
        <translation>Соцсети</translation>
    </message>
    <message>
        <source>Mailing</source>
        <translation>Почтовая рассылка</translation>
    </message>
    <message>
        <source>Webinar</source>
        <translation>Вебинар</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Другое</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Запланирован</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Приглашён</translation>
    </message>
    <message>
        <source>Responded</source>
        <translation>Ответил</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Участвовал</translation>
    </message>
    <message>
        <source>Converted</source>
        <translation>Стал клиентом</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создано</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Изменено</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Удалено</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Восстановлено</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Сделка</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <source>Order line</source>
        <translation>Строка заказа</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Товар</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <source>Interaction</source>
        <translation>Взаимодействие</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Кампания</translation>
    </message>
    <message>
        <source>Campaign member</source>
        <translation>Участник кампании</translation>
    </message>
    <message>
        <source>Service case</source>
        <translation>Обращение</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Предложение</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Платёж</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Метка</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Настройка</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Корзина</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln клиент</numerusform>
            <numerusform>%Ln клиента</numerusform>
            <numerusform>%Ln клиентов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln contact(s)</source>
        <translation>
            <numerusform>%Ln контакт</numerusform>
            <numerusform>%Ln контакта</numerusform>
            <numerusform>%Ln контактов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln deal(s)</source>
        <translation>
            <numerusform>%Ln сделка</numerusform>
            <numerusform>%Ln сделки</numerusform>
            <numerusform>%Ln сделок</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln order(s)</source>
        <translation>
            <numerusform>%Ln заказ</numerusform>
            <numerusform>%Ln заказа</numerusform>
            <numerusform>%Ln заказов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln product(s)</source>
        <translation>
            <numerusform>%Ln товар</numerusform>
            <numerusform>%Ln товара</numerusform>
            <numerusform>%Ln товаров</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln task(s)</source>
        <translation>
            <numerusform>%Ln задача</numerusform>
            <numerusform>%Ln задачи</numerusform>
            <numerusform>%Ln задач</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln interaction(s)</source>
        <translation>
            <numerusform>%Ln взаимодействие</numerusform>
            <numerusform>%Ln взаимодействия</numerusform>
            <numerusform>%Ln взаимодействий</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln campaign(s)</source>
        <translation>
            <numerusform>%Ln кампания</numerusform>
            <numerusform>%Ln кампании</numerusform>
            <numerusform>%Ln кампаний</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln service case(s)</source>
        <translation>
            <numerusform>%Ln обращение</numerusform>
            <numerusform>%Ln обращения</numerusform>
            <numerusform>%Ln обращений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln quote(s)</source>
        <translation>
            <numerusform>%Ln предложение</numerusform>
            <numerusform>%Ln предложения</numerusform>
            <numerusform>%Ln предложений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln invoice(s)</source>
        <translation>
            <numerusform>%Ln счёт</numerusform>
            <numerusform>%Ln счёта</numerusform>
            <numerusform>%Ln счетов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln payment(s)</source>
        <translation>
            <numerusform>%Ln платёж</numerusform>
            <numerusform>%Ln платежа</numerusform>
            <numerusform>%Ln платежей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s) in the trash</source>
        <translation>
            <numerusform>%Ln запись в корзине</numerusform>
            <numerusform>%Ln записи в корзине</numerusform>
            <numerusform>%Ln записей в корзине</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln запись</numerusform>
            <numerusform>%Ln записи</numerusform>
            <numerusform>%Ln записей</numerusform>
        </translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>Новый клиент</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Новый контакт</translation>
    </message>
    <message>
        <source>New deal</source>
        <translation>Новая сделка</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>Новый заказ</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>Новый товар</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>Новая задача</translation>
    </message>
    <message>
        <source>New interaction</source>
        <translation>Новое взаимодействие</translation>
    </message>
    <message>
        <source>New campaign</source>
        <translation>Новая кампания</translation>
    </message>
    <message>
        <source>New service case</source>
        <translation>Новое обращение</translation>
    </message>
    <message>
        <source>New quote</source>
        <translation>Новое предложение</translation>
    </message>
    <message>
        <source>New invoice</source>
        <translation>Новый счёт</translation>
    </message>
    <message>
        <source>New payment</source>
        <translation>Новый платёж</translation>
    </message>
    <message>
        <source>New record</source>
        <translation>Новая запись</translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s)</source>
        <translation>
            <numerusform>%Ln строка</numerusform>
            <numerusform>%Ln строки</numerusform>
            <numerusform>%Ln строк</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show all %Ln</source>
        <translation>
            <numerusform>Показать все %Ln</numerusform>
            <numerusform>Показать все %Ln</numerusform>
            <numerusform>Показать все %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show the last %Ln</source>
        <translation>
            <numerusform>Показать последние %Ln</numerusform>
            <numerusform>Показать последние %Ln</numerusform>
            <numerusform>Показать последние %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln invoice(s) issued ({first} to {last}).</source>
        <translation>
            <numerusform>Выставлен %Ln счёт ({first} – {last}).</numerusform>
            <numerusform>Выставлено %Ln счёта ({first} – {last}).</numerusform>
            <numerusform>Выставлено %Ln счетов ({first} – {last}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Their values are replaced by “[erased]” in the audit log (entries: %Ln).</source>
        <translation>
            <numerusform>Их значения в журнале изменений заменены на «[erased]» (записей: %Ln).</numerusform>
            <numerusform>Их значения в журнале изменений заменены на «[erased]» (записей: %Ln).</numerusform>
            <numerusform>Их значения в журнале изменений заменены на «[erased]» (записей: %Ln).</numerusform>
        </translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Нет</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>Show {title}</source>
        <translation>Показать раздел «{title}»</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Records</source>
        <translation>&amp;Записи</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Сервис</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>{APP_NAME} cannot open the database</source>
        <translation>{APP_NAME} не может открыть базу данных</translation>
    </message>
    <message>
        <source>Opening the database</source>
        <translation>Открытие базы данных</translation>
    </message>
</context>
<context>
    <name>backup</name>
    <message>
        <source>&amp;Back up now…</source>
        <translation>Создать резервную &amp;копию…</translation>
    </message>
    <message>
        <source>Make a verified backup of the database now</source>
        <translation>Сейчас создать проверенную резервную копию базы данных</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>&amp;Восстановить из копии…</translation>
    </message>
    <message>
        <source>See every backup, verify one, restore one</source>
        <translation>Все резервные копии: проверка и восстановление</translation>
    </message>
</context>
<context>
    <name>backup.model</name>
    <message>
        <source>{state} (full)</source>
        <translation>{state} (полностью)</translation>
    </message>
    <message>
        <source>Made {reason}.</source>
        <translation>Создана {reason}.</translation>
    </message>
    <message>
        <source>Problem: {problem}</source>
        <translation>Проблема: {problem}</translation>
    </message>
    <message>
        <source>No record of a check: select it and click Verify.</source>
        <translation>Сведений о проверке нет: выберите копию и нажмите «Проверить».</translation>
    </message>
</context>
<context>
    <name>backup.restore_flow</name>
    <message>
        <source>The data of {name} is back.</source>
        <translation>Данные из {name} восстановлены.</translation>
    </message>
    <message>
        <source>The data you had before was kept as a safety copy:
{path}
Restore that copy to undo this restore.</source>
        <translation>Прежние данные сохранены в страховочной копии:
{path}
Восстановите её, чтобы отменить это восстановление.</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Копия восстановлена</translation>
    </message>
</context>
<context>
    <name>customers.timeline</name>
    <message>
        <source>with {contact_name}</source>
        <translation>с участием: {contact_name}</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>{what} did not work.

{problem}</source>
        <translation>{what}: не получилось.

{problem}</translation>
    </message>
    <message>
        <source>{what} failed because of an error in CRM Desktop.</source>
        <translation>{what}: не получилось из-за ошибки в CRM Desktop.</translation>
    </message>
    <message>
        <source>Nothing was half-saved: the change was undone. You can go on working.
The details were written to {log_file}.</source>
        <translation>Ничего не сохранилось наполовину: изменение отменено. Можно продолжать работу.
Подробности записаны в {log_file}.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>An action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>A background task</source>
        <translation>Фоновая задача</translation>
    </message>
</context>
<context>
    <name>forms</name>
    <message>
        <source>Opening the {replace}</source>
        <translation>Открытие: {replace}</translation>
    </message>
</context>
<context>
    <name>help</name>
    <message>
        <source>About {APP_NAME}</source>
        <translation>О программе {APP_NAME}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{APP_NAME}&lt;/b&gt; {version}&lt;br&gt;A customer-relationship manager for one small business.&lt;br&gt;&lt;br&gt;Database: {db_path}&lt;br&gt;Log: {log_dir}</source>
        <translation>&lt;b&gt;{APP_NAME}&lt;/b&gt; {version}&lt;br&gt;Учёт клиентов и продаж для небольшого бизнеса.&lt;br&gt;&lt;br&gt;База данных: {db_path}&lt;br&gt;Журнал: {log_dir}</translation>
    </message>
</context>
<context>
    <name>invoices.actions</name>
    <message>
        <source>Accept quote</source>
        <translation>Принять предложение</translation>
    </message>
    <message>
        <source>Move the deal “{title}” to Won too?</source>
        <translation>Перевести сделку «{title}» в «Выиграна»?</translation>
    </message>
    <message>
        <source>Select a quote to accept.</source>
        <translation>Выберите предложение, которое нужно принять.</translation>
    </message>
    <message>
        <source>Quote {quote} accepted: order {order} made, deal won.</source>
        <translation>Предложение {quote} принято: создан заказ {order}, сделка выиграна.</translation>
    </message>
    <message>
        <source>Quote {quote} accepted: order {order} made.</source>
        <translation>Предложение {quote} принято: создан заказ {order}.</translation>
    </message>
    <message>
        <source>Accepting the quote</source>
        <translation>Принятие предложения</translation>
    </message>
    <message>
        <source>Select the orders to invoice.</source>
        <translation>Выберите заказы, по которым выставить счета.</translation>
    </message>
    <message>
        <source>Invoice {number} issued.</source>
        <translation>Счёт {number} выставлен.</translation>
    </message>
    <message>
        <source>Issuing the invoice</source>
        <translation>Выставление счёта</translation>
    </message>
    <message>
        <source>Select the invoice that was paid.</source>
        <translation>Выберите оплаченный счёт.</translation>
    </message>
    <message>
        <source>Recording a payment</source>
        <translation>Внесение оплаты</translation>
    </message>
    <message>
        <source>{number} has nothing left to pay.</source>
        <translation>По {number} оплачивать больше нечего.</translation>
    </message>
    <message>
        <source>Payment of {amount} recorded on {number}.</source>
        <translation>Платёж {amount} по {number} внесён.</translation>
    </message>
    <message>
        <source>Cancel invoice</source>
        <translation>Аннулировать счёт</translation>
    </message>
    <message>
        <source>Cancel {number} with a credit note? It keeps its number; the credit note gets the next one of its own series.

Reason (printed on the credit note):</source>
        <translation>Аннулировать {number} корректировочным счётом? Счёт сохранит свой номер, а корректировка получит следующий номер своей серии.

Причина (будет напечатана в корректировке):</translation>
    </message>
    <message>
        <source>Select the invoice to cancel.</source>
        <translation>Выберите счёт, который нужно аннулировать.</translation>
    </message>
    <message>
        <source>Invoice {number} cancelled by credit note {note}.</source>
        <translation>Счёт {number} аннулирован корректировкой {note}.</translation>
    </message>
    <message>
        <source>Cancelling the invoice</source>
        <translation>Аннулирование счёта</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Сохранить как</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saving the {lower}</source>
        <translation>Сохранение: {lower}</translation>
    </message>
    <message>
        <source>{what} saved as {path}.</source>
        <translation>{what}: сохранено как {path}.</translation>
    </message>
    <message>
        <source>Select a quote to print.</source>
        <translation>Выберите предложение для печати.</translation>
    </message>
    <message>
        <source>Select an invoice to print.</source>
        <translation>Выберите счёт для печати.</translation>
    </message>
    <message>
        <source>Order {number} has no invoice yet.</source>
        <translation>У заказа {number} ещё нет счёта.</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <source>Reports</source>
        <translation>Отчёты</translation>
    </message>
    <message>
        <source>Customer list report…</source>
        <translation>Отчёт «Список клиентов»…</translation>
    </message>
    <message>
        <source>A PDF or spreadsheet of the customers in this view</source>
        <translation>PDF или таблица с клиентами этого вида</translation>
    </message>
</context>
<context>
    <name>reports.invoice</name>
    <message>
        <source>Invoice {number}.pdf</source>
        <translation>Счёт {number}.pdf</translation>
    </message>
</context>
<context>
    <name>selling</name>
    <message>
        <source>&amp;Accept quote…</source>
        <translation>&amp;Принять предложение…</translation>
    </message>
    <message>
        <source>Make the order of the selected quote</source>
        <translation>Создать заказ по выбранному предложению</translation>
    </message>
    <message>
        <source>Save quote P&amp;DF…</source>
        <translation>Сохранить предложение в P&amp;DF…</translation>
    </message>
    <message>
        <source>Save the selected quote as a PDF</source>
        <translation>Сохранить выбранное предложение в PDF</translation>
    </message>
    <message>
        <source>Issue in&amp;voice</source>
        <translation>Выставить &amp;счёт</translation>
    </message>
    <message>
        <source>Issue the invoices of the selected orders (numbered now)</source>
        <translation>Выставить счета по выбранным заказам (номера присваиваются сейчас)</translation>
    </message>
    <message>
        <source>&amp;Record payment…</source>
        <translation>&amp;Внести оплату…</translation>
    </message>
    <message>
        <source>Record a payment against the selected invoice</source>
        <translation>Внести оплату по выбранному счёту</translation>
    </message>
    <message>
        <source>Cancel with credit &amp;note…</source>
        <translation>&amp;Аннулировать корректировкой…</translation>
    </message>
    <message>
        <source>Cancel the selected invoice by issuing its credit note</source>
        <translation>Аннулировать выбранный счёт, выставив корректировку</translation>
    </message>
    <message>
        <source>Save invoice P&amp;DF…</source>
        <translation>Сохранить счёт в P&amp;DF…</translation>
    </message>
    <message>
        <source>Save the selected invoice or credit note as a PDF</source>
        <translation>Сохранить выбранный счёт или корректировку в PDF</translation>
    </message>
</context>
<context>
    <name>tables.bulk</name>
    <message>
        <source>Moved {what} to the trash.</source>
        <translation>Перемещено в корзину: {what}.</translation>
    </message>
    <message>
        <source>Move {what} to the trash</source>
        <translation>Переместить в корзину: {what}</translation>
    </message>
    <message>
        <source>Nothing changed: the {plural} were already {label}.</source>
        <translation>Ничего не изменилось: у записей ({plural}) уже было значение «{label}».</translation>
    </message>
    <message>
        <source>{label} set to “{label2}” on {what}.</source>
        <translation>{label}: «{label2}» установлено для {what}.</translation>
    </message>
    <message>
        <source>Set {lower} of {what}</source>
        <translation>Изменение ({lower}): {what}</translation>
    </message>
    <message>
        <source>Nothing changed: every selected {noun} has “{name}”.</source>
        <translation>Ничего не изменилось: у всех выбранных записей ({noun}) уже есть «{name}».</translation>
    </message>
    <message>
        <source>Tag “{name}” added to {what}.</source>
        <translation>Метка «{name}» добавлена: {what}.</translation>
    </message>
    <message>
        <source>Add tag “{name}” to {what}</source>
        <translation>Добавить метку «{name}»: {what}</translation>
    </message>
    <message>
        <source>Nothing changed: no selected {noun} has “{name}”.</source>
        <translation>Ничего не изменилось: ни у одной выбранной записи ({noun}) нет «{name}».</translation>
    </message>
    <message>
        <source>Tag “{name}” removed from {what}.</source>
        <translation>Метка «{name}» снята: {what}.</translation>
    </message>
    <message>
        <source>Remove tag “{name}” from {what}</source>
        <translation>Снять метку «{name}»: {what}</translation>
    </message>
</context>
<context>
    <name>transfer</name>
    <message>
        <source>Import…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <source>Import history…</source>
        <translation>История импорта…</translation>
    </message>
    <message>
        <source>Export current view…</source>
        <translation>Выгрузить текущий вид…</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Дубликаты</translation>
    </message>
</context>
<context>
    <name>transfer.exports</name>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>vCard 4.0 (*.vcf)</source>
        <translation>vCard 4.0 (*.vcf)</translation>
    </message>
    <message>
        <source>Export {get}</source>
        <translation>Выгрузка: {get}</translation>
    </message>
    <message>
        <source>Exporting {get}</source>
        <translation>Выгрузка: {get}</translation>
    </message>
</context>
<context>
    <name>transfer.wizard</name>
    <message>
        <source>vCards (*.vcf)</source>
        <translation>vCard (*.vcf)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Save refused rows</source>
        <translation>Сохранить отклонённые строки</translation>
    </message>
</context>
</TS>